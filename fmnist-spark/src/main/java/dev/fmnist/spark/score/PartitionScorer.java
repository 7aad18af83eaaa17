package dev.fmnist.spark.score;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import dev.fmnist.data.classify.Picture;
import dev.fmnist.spark.runtime.ExecutorModels;
import dev.fmnist.spark.runtime.ModelBlob;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition a batch at a time: up to {@link ScoringOptions#batchSize()} rows are prepared
 * (decoded and preprocessed), then predicted in one call to the executor's shared model. A row whose
 * picture cannot be read keeps its place with the reason in {@code error}; the others are unaffected.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelBlob> model;
    private final ScoringOptions options;
    private final int column;
    private final int sourceColumn;
    private final InputKind kind;

    /**
     * @param column index of the picture column
     * @param sourceColumn index of a column naming the picture for messages (such as {@code path}), or -1
     */
    PartitionScorer(Broadcast<ModelBlob> model, ScoringOptions options, int column, int sourceColumn,
            InputKind kind) {
        this.model = model;
        this.options = options;
        this.column = column;
        this.sourceColumn = sourceColumn;
        this.kind = kind;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Classifier classifier = Classifier.of(ExecutorModels.get(model.value(), options.backend()).model());
        return new Iterator<>() {
            private final List<Row> pending = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                if (next < pending.size()) {
                    return true;
                }
                pending.clear();
                next = 0;
                fill(rows, classifier, pending);
                return !pending.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.get(next++);
            }
        };
    }

    /** Takes the next batch of rows from {@code rows} and adds their scored rows to {@code out}. */
    private void fill(Iterator<Row> rows, Classifier classifier, List<Row> out) {
        List<Row> batch = new ArrayList<>(options.batchSize());
        List<ModelInput> inputs = new ArrayList<>(options.batchSize());
        List<Object> prepared = new ArrayList<>(options.batchSize()); // a ModelInput or an error message
        while (batch.size() < options.batchSize() && rows.hasNext()) {
            Row row = rows.next();
            batch.add(row);
            try {
                ModelInput input = classifier.prepare(picture(row));
                inputs.add(input);
                prepared.add(input);
            } catch (FmnistException e) {
                prepared.add(e.getMessage());
            }
        }
        List<Prediction> predictions = inputs.isEmpty() ? List.of() : classifier.predict(inputs);
        int p = 0;
        for (int i = 0; i < batch.size(); i++) {
            Object[] added = prepared.get(i) instanceof String error
                    ? PredictionColumns.failed(error)
                    : PredictionColumns.values(predictions.get(p++).probabilities(), 0, options.top());
            out.add(append(batch.get(i), added));
        }
    }

    private Picture picture(Row row) {
        String source = sourceColumn >= 0 && !row.isNullAt(sourceColumn) ? String.valueOf(row.get(sourceColumn))
                : "row";
        if (row.isNullAt(column)) {
            throw new dev.fmnist.api.error.InvalidInputException(source + ": no picture (null)");
        }
        byte[] bytes = row.getAs(column);
        return kind == InputKind.RAW_PIXELS ? new Picture.Pixels(bytes, source) : new Picture.Encoded(bytes, source);
    }

    private static Row append(Row row, Object[] added) {
        Object[] values = new Object[row.length() + added.length];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        System.arraycopy(added, 0, values, row.length(), added.length);
        return RowFactory.create(values);
    }
}
