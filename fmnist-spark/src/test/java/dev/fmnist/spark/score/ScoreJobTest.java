package dev.fmnist.spark.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.RealData;
import dev.fmnist.spark.runtime.JobRunner;
import dev.fmnist.spark.testing.SparkTesting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's command line end to end on local[2]: outputs, formats, and one-line refusals. */
class ScoreJobTest {
    @TempDir
    Path dir;

    @Test
    void scoresAFolderToParquetAndCsvAndRefusesAnExistingOutput() throws Exception {
        FashionMnist data = RealData.orSkip();
        Path model = dir.resolve("mlp.fmnist");
        Files.write(model, SparkTesting.trainedModel(data));
        SparkTesting.writeTestPictures(data, 60, dir.resolve("in"));

        Path parquet = dir.resolve("out-parquet");
        Run ok = run("--master", "local[2]", "--model", model.toString(), "--input", dir.resolve("in").toString(),
                "--output", parquet.toString());
        assertThat(ok.code).as(ok.err).isZero();
        assertThat(ok.out).contains("Scored 60 pictures (0 could not be read)");
        try (SparkSession spark = SparkTesting.localSession()) {
            List<Row> rows = spark.read().parquet(parquet.toString()).collectAsList();
            assertThat(rows).hasSize(60);
            assertThat(spark.read().parquet(parquet.toString()).columns())
                    .containsExactly("path", "label", "class_name", "probability", "top_k", "error");
        }

        Path csv = dir.resolve("out-csv");
        Run asCsv = run("--master", "local[2]", "--model", model.toString(), "--input", dir.resolve("in").toString(),
                "--output", csv.toString(), "--format", "csv", "--top", "2");
        assertThat(asCsv.code).as(asCsv.err).isZero();
        try (Stream<Path> files = Files.list(csv)) {
            String text = files.filter(p -> p.toString().endsWith(".csv")).map(ScoreJobTest::read)
                    .reduce("", String::concat);
            assertThat(text).contains("path,label,class_name,probability,top_k,error");
            assertThat(text).contains("\"[{\"\"label\"\":");
        }

        Run again = run("--master", "local[2]", "--model", model.toString(), "--input", dir.resolve("in").toString(),
                "--output", parquet.toString());
        assertThat(again.code).isEqualTo(1);
        assertThat(again.err.strip()).isEqualTo("fmnist-spark score: output " + parquet
                + " already exists; choose a new directory");
    }

    @Test
    void badArgumentsAndBadModelFilesAreOneLineErrors() throws Exception {
        Run usage = run("--model", "m.fmnist", "--input", "x", "--output", "y", "--top", "eleven");
        assertThat(usage.code).isEqualTo(2);
        assertThat(usage.err.lines().count()).isEqualTo(1);

        Path notAModel = dir.resolve("notes.fmnist");
        Files.writeString(notAModel, "hello");
        Run bad = run("--master", "local[2]", "--model", notAModel.toString(), "--input", dir.toString(),
                "--output", dir.resolve("o").toString());
        assertThat(bad.code).isEqualTo(1);
        assertThat(bad.err.lines().count()).as(bad.err).isEqualTo(1);
        assertThat(bad.err).contains("fmnist-spark score:").doesNotContain("Exception");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = JobRunner.run("fmnist-spark score", new ScoreJob(), args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
