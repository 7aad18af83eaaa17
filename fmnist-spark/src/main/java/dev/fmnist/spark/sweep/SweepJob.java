package dev.fmnist.spark.sweep;

import static org.apache.spark.sql.functions.col;

import dev.fmnist.spark.runtime.JobRunner;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains a grid of configurations, one Spark task each, and writes the results table:
 * {@code spark-submit --class dev.fmnist.spark.sweep.SweepJob fmnist-spark-job.jar --models mlp
 * --learning-rates 0.001,0.003 --output OUT}. The table goes to {@code OUT/results}, the models to
 * {@code OUT/models}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains every combination of the given settings on Spark, one task each.")
public final class SweepJob implements Callable<Integer> {
    @Option(names = "--master", description = "Spark master for a run without spark-submit, e.g. local[2].")
    String master;

    @Option(names = "--models", split = ",", defaultValue = "mlp",
            description = "Presets or JSON model description files (default: mlp).")
    List<String> models;

    @Option(names = "--backends", split = ",", defaultValue = "pure", description = "Backends (default: pure).")
    List<String> backends;

    @Option(names = "--learning-rates", split = ",", defaultValue = "0.001",
            description = "Adam learning rates (default: 0.001).")
    List<Double> learningRates;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "32", description = "Batch sizes (default: 32).")
    List<Integer> batchSizes;

    @Option(names = "--epochs", split = ",", defaultValue = "5", description = "Epoch counts (default: 5).")
    List<Integer> epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for every point (default: 42).")
    long seed;

    @Option(names = "--validation-split", defaultValue = "0.1",
            description = "Last fraction of the training images held out for validation (default: 0.1).")
    double validationSplit;

    @Option(names = "--train-limit", defaultValue = "0",
            description = "Train on the first N training images only (default: all).")
    int trainLimit;

    @Option(names = "--threads", defaultValue = "1", description = "Training threads per task (default: 1).")
    int threads;

    @Option(names = "--data", description = "The Fashion-MNIST directory on every executor (default: the usual places).")
    String data;

    @Option(names = "--output", required = true, description = "Output directory (must not exist).")
    String output;

    @Option(names = "--format", defaultValue = "parquet", description = "Results as parquet (default) or csv.")
    String format;

    public static void main(String[] args) {
        System.exit(JobRunner.run("fmnist-spark sweep", new SweepJob(), args));
    }

    @Override
    public Integer call() {
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw new dev.fmnist.api.error.InvalidInputException("--format must be parquet or csv, got " + format);
        }
        List<SweepPoint> points = SweepGrid.of(models, backends, learningRates, batchSizes, epochs, seed);
        SweepSettings settings = new SweepSettings(data, validationSplit, trainLimit, threads, output + "/models");
        JobRunner.refuseExistingOutput(output);
        try (SparkSession spark = JobRunner.session("fmnist sweep", master)) {
            Dataset<Row> results = run(spark, points, settings);
            results.write().mode("errorifexists").format(format).option("header", "true").save(output + "/results");
            results.orderBy(col("val_accuracy").desc_nulls_last(), col("test_accuracy").desc_nulls_last())
                    .drop("seed", "model_path").show(points.size(), false);
        }
        return 0;
    }

    /** Trains every point, one task each, and returns the results table (computed once, cached). */
    public static Dataset<Row> run(SparkSession spark, List<SweepPoint> points, SweepSettings settings) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = context.parallelize(points, points.size()).map(new SweepTask(settings));
        return spark.createDataFrame(rows, SweepResults.SCHEMA).cache();
    }
}
