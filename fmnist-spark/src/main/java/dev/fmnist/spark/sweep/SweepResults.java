package dev.fmnist.spark.sweep;

import dev.fmnist.api.eval.Evaluation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The sweep's results table: one row per point, its configuration first, then what it measured. */
public final class SweepResults {
    /** The table's columns. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("model", DataTypes.StringType, false),
        DataTypes.createStructField("backend", DataTypes.StringType, false),
        DataTypes.createStructField("learning_rate", DataTypes.DoubleType, false),
        DataTypes.createStructField("batch_size", DataTypes.IntegerType, false),
        DataTypes.createStructField("epochs", DataTypes.IntegerType, false),
        DataTypes.createStructField("seed", DataTypes.LongType, false),
        DataTypes.createStructField("val_loss", DataTypes.DoubleType, true),
        DataTypes.createStructField("val_accuracy", DataTypes.DoubleType, true),
        DataTypes.createStructField("test_loss", DataTypes.DoubleType, true),
        DataTypes.createStructField("test_accuracy", DataTypes.DoubleType, true),
        DataTypes.createStructField("train_seconds", DataTypes.DoubleType, true),
        DataTypes.createStructField("model_path", DataTypes.StringType, true),
        DataTypes.createStructField("error", DataTypes.StringType, true)});

    private SweepResults() {
    }

    static Row of(SweepPoint p, Evaluation validation, Evaluation test, double seconds, String modelPath) {
        return RowFactory.create(p.id(), p.modelLabel(), p.backend(), p.learningRate(), p.batchSize(), p.epochs(),
                p.seed(), validation == null ? null : validation.loss(),
                validation == null ? null : validation.accuracy(), test.loss(), test.accuracy(), seconds,
                modelPath, null);
    }

    static Row failed(SweepPoint p, String error) {
        return RowFactory.create(p.id(), p.modelLabel(), p.backend(), p.learningRate(), p.batchSize(), p.epochs(),
                p.seed(), null, null, null, null, null, null, error);
    }
}
