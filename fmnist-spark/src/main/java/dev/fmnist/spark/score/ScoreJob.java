package dev.fmnist.spark.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import dev.fmnist.data.FashionMnist;
import dev.fmnist.spark.runtime.JobRunner;
import dev.fmnist.spark.runtime.ModelBlob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores pictures on Spark and writes Parquet (or CSV): {@code spark-submit --class
 * dev.fmnist.spark.score.ScoreJob fmnist-spark-job.jar --model M --input DIR --output OUT}.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Adds fmnist's predictions to pictures, a Parquet table or the IDX files, on Spark.")
public final class ScoreJob implements Callable<Integer> {
    /** What {@code --input} holds. */
    enum InputFormat { pictures, parquet, idx }

    /** What {@code --output} gets. */
    enum OutputFormat { parquet, csv }

    @Option(names = "--master", description = "Spark master for a run without spark-submit, e.g. local[2].")
    String master;

    @Option(names = "--model", required = true, description = "The model file (.fmnist).")
    Path model;

    @Option(names = "--input", required = true,
            description = "A directory tree of pictures, a Parquet table, or a directory of IDX files.")
    String input;

    @Option(names = "--input-format", defaultValue = "pictures",
            description = "pictures (default), parquet or idx.")
    InputFormat inputFormat;

    @Option(names = "--image-column", defaultValue = "content",
            description = "With --input-format parquet: the binary column holding encoded pictures.")
    String imageColumn;

    @Option(names = "--idx-set", defaultValue = "test", description = "With --input-format idx: test or train.")
    String idxSet;

    @Option(names = "--output", required = true, description = "The output directory (must not exist).")
    String output;

    @Option(names = "--format", defaultValue = "parquet", description = "parquet (default) or csv.")
    OutputFormat format;

    @Option(names = "--backend", description = "The backend on the executors (default: pure).")
    String backend;

    @Option(names = "--top", defaultValue = "3", description = "Classes listed in top_k (default 3).")
    int top;

    @Option(names = "--batch-size", defaultValue = "256", description = "Pictures per predict call (256).")
    int batchSize;

    @Option(names = "--partitions", defaultValue = "0",
            description = "With --input-format idx: partitions (default: Spark's default parallelism).")
    int partitions;

    @Option(names = "--repeat", defaultValue = "1",
            description = "With --input-format idx: score the images this many times (benchmarks).")
    int repeat;

    public static void main(String[] args) {
        System.exit(JobRunner.run("fmnist-spark score", new ScoreJob(), args));
    }

    @Override
    public Integer call() {
        ModelBlob blob = ModelBlob.read(model);
        ScoringOptions options = new ScoringOptions(backend, top, batchSize);
        JobRunner.refuseExistingOutput(output);
        try (SparkSession spark = JobRunner.session("fmnist score", master)) {
            FmnistScoring scoring = FmnistScoring.of(spark, blob).withOptions(options);
            Dataset<Row> scored = scored(spark, scoring);
            if (format == OutputFormat.csv) {
                scored = scored.withColumn("top_k", to_json(col("top_k")));
            }
            long start = System.nanoTime();
            // CSV as RFC 4180 has it (quotes doubled), which spreadsheets and pandas read.
            scored.write().mode("errorifexists").format(format.name()).option("header", "true")
                    .option("escape", "\"").save(output);
            double seconds = (System.nanoTime() - start) / 1e9;
            Dataset<Row> written = spark.read().format(format.name()).option("header", "true")
                    .option("escape", "\"").load(output);
            long rows = written.count();
            long failed = written.filter(col("error").isNotNull()).count();
            System.out.printf("Scored %,d pictures (%,d could not be read) in %.1f s (%,.0f pictures/s) into %s%n",
                    rows, failed, seconds, rows / seconds, output);
        }
        return 0;
    }

    private Dataset<Row> scored(SparkSession spark, FmnistScoring scoring) {
        return switch (inputFormat) {
            case pictures -> scoring.classify(scoring.readPictures(input), "content", "path")
                    .drop("content", "modificationTime", "length");
            case parquet -> scoring.classify(spark.read().parquet(input), imageColumn, null).drop(imageColumn);
            case idx -> {
                FashionMnist data = FashionMnist.load(Path.of(input));
                int n = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
                yield scoring.classifyPixels(scoring.fromDataset(
                        "train".equals(idxSet) ? data.train() : data.test(), n, repeat), "pixels").drop("pixels");
            }
        };
    }
}
