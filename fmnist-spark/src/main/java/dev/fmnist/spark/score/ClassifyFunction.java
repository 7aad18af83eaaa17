package dev.fmnist.spark.score;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.data.classify.Classification;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.Picture;
import dev.fmnist.spark.runtime.ExecutorModels;
import dev.fmnist.spark.runtime.ModelBlob;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;

/** The {@code fmnist_classify(content)} SQL function: one encoded picture to the prediction struct. */
final class ClassifyFunction implements UDF1<byte[], Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelBlob> model;
    private final ScoringOptions options;

    ClassifyFunction(Broadcast<ModelBlob> model, ScoringOptions options) {
        this.model = model;
        this.options = options;
    }

    @Override
    public Row call(byte[] content) {
        if (content == null) {
            return RowFactory.create(PredictionColumns.failed("no picture (null)"));
        }
        Classifier classifier = Classifier.of(ExecutorModels.get(model.value(), options.backend()).model());
        try {
            Classification c = classifier.classify(new Picture.Encoded(content, "picture"), options.top());
            return RowFactory.create(PredictionColumns.values(c.prediction().probabilities(), 0, options.top()));
        } catch (FmnistException e) {
            return RowFactory.create(PredictionColumns.failed(e.getMessage()));
        }
    }
}
