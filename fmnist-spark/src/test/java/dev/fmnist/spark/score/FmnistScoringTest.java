package dev.fmnist.spark.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.testing.RealData;
import dev.fmnist.spark.runtime.ModelBlob;
import dev.fmnist.spark.testing.SparkTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring on a local[2] session gives exactly the single-JVM classifier's answers. */
class FmnistScoringTest {
    private static final int PICTURES = 300;

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static FashionMnist data;
    private static FmnistScoring scoring;
    private static Map<String, Integer> expected;
    private static BackendRegistry registry;
    private static Model model;

    @BeforeAll
    static void start() throws Exception {
        data = RealData.orSkip();
        byte[] bytes = SparkTesting.trainedModel(data);
        List<Path> files = SparkTesting.writeTestPictures(data, PICTURES, dir.resolve("pictures"));
        Files.write(dir.resolve("pictures/tops/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.writeString(dir.resolve("pictures/notes.txt"), "not a picture");
        registry = BackendRegistry.load();
        var saved = ModelFile.decode(bytes);
        model = registry.backend("pure").load(saved.spec(), saved.weights(), saved.provenance());
        Classifier classifier = Classifier.of(model);
        expected = new HashMap<>();
        for (Path f : files) {
            expected.put(f.toUri().getPath(), classifier.classify(f, 1).best().label());
        }
        spark = SparkTesting.localSession();
        scoring = FmnistScoring.of(spark, ModelBlob.of("mlp.fmnist", bytes));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (model != null) {
            model.close();
            registry.close();
        }
    }

    @Test
    void picturesInADirectoryTreeGetTheSingleJvmLabels() {
        List<Row> rows = scoring.classify(scoring.readPictures(dir.resolve("pictures").toString()), "content", "path")
                .select("path", "label", "class_name", "probability", "top_k", "error").collectAsList();
        assertThat(rows).hasSize(PICTURES + 1);
        int compared = 0;
        for (Row r : rows) {
            String path = Path.of(java.net.URI.create(r.getString(0))).toString();
            if (path.endsWith("broken.png")) {
                assertThat(r.isNullAt(1)).isTrue();
                assertThat(r.getString(5)).contains("broken.png");
                continue;
            }
            assertThat(r.isNullAt(5)).as("error for %s", path).isTrue();
            assertThat(r.getInt(1)).as(path).isEqualTo(expected.get(path));
            assertThat(r.getList(4)).hasSize(3);
            Row best = (Row) r.getList(4).get(0);
            assertThat(best.getInt(0)).isEqualTo(r.getInt(1));
            assertThat(best.getFloat(2)).isEqualTo(r.getFloat(3));
            compared++;
        }
        assertThat(compared).isEqualTo(PICTURES);
        assertThat(rows.stream().filter(r -> !r.isNullAt(1)).map(r -> r.getInt(1)).distinct().count())
                .as("distinct labels").isGreaterThan(5);
    }

    @Test
    void aRepeatedDatasetHoldsEveryImageThatManyTimesWithItsLabel() {
        var test = data.test().slice(0, 300);
        List<Row> rows = scoring.fromDataset(test, 4, 3).select("index", "true_label", "pixels").collectAsList();
        assertThat(rows).hasSize(900);
        java.util.Map<Long, Long> copies = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.getLong(0), java.util.stream.Collectors.counting()));
        assertThat(copies).hasSize(300).allSatisfy((index, count) -> assertThat(count).isEqualTo(3));
        for (Row r : rows) {
            int i = (int) r.getLong(0);
            assertThat(r.getInt(1)).isEqualTo(test.label(i));
            assertThat((byte[]) r.getAs(2)).isEqualTo(test.image(i));
        }
    }

    @Test
    void idxImagesAreScoredInBatchesWithTheModelsOwnPredictions() {
        var test = data.test().slice(0, 2000);
        List<Row> rows = scoring.withOptions(scoring.options().withBatchSize(64))
                .classifyPixels(scoring.fromDataset(test, 3, 1), "pixels")
                .select("index", "true_label", "label", "error").collectAsList();
        assertThat(rows).hasSize(2000);
        float[] probabilities = model.predict(test.scaledImages(0, 2000), 2000);
        long correct = 0;
        for (Row r : rows) {
            int index = (int) r.getLong(0);
            assertThat(r.getInt(2)).isEqualTo(Prediction.argmax(probabilities, index));
            correct += r.getInt(1) == r.getInt(2) ? 1 : 0;
        }
        assertThat(correct / 2000.0).isGreaterThan(0.75);
    }

    @Test
    void aTableWithABinaryColumnAndTheSqlFunctionAgree() throws Exception {
        StructType schema = new StructType().add("sku", DataTypes.StringType).add("photo", DataTypes.BinaryType);
        List<Row> table = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            if (table.size() == 40) {
                break;
            }
            table.add(RowFactory.create("sku-" + table.size(), Files.readAllBytes(Path.of(e.getKey()))));
            labels.add(e.getValue());
        }
        Dataset<Row> photos = spark.createDataFrame(table, schema);
        List<Row> scored = scoring.classify(photos, "photo", "sku").orderBy("sku").collectAsList();
        scoring.registerFunction();
        photos.createOrReplaceTempView("photos");
        List<Row> sql = spark.sql("SELECT sku, fmnist_classify(photo).label AS label, "
                + "fmnist_classify(photo).class_name AS name FROM photos ORDER BY sku").collectAsList();
        assertThat(scored).hasSize(40);
        for (int i = 0; i < 40; i++) {
            String sku = scored.get(i).getString(0);
            int expectedLabel = labels.get(Integer.parseInt(sku.substring(4)));
            assertThat(scored.get(i).<Integer>getAs("label")).isEqualTo(expectedLabel);
            assertThat(sql.get(i).getString(0)).isEqualTo(sku);
            assertThat(sql.get(i).getInt(1)).isEqualTo(expectedLabel);
            assertThat(sql.get(i).getString(2)).isEqualTo(scored.get(i).<String>getAs("class_name"));
        }
    }

    @Test
    void aMissingOrNonBinaryColumnIsRefusedByName() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("x")),
                new StructType().add("name", DataTypes.StringType));
        assertThatThrownBy(() -> scoring.classify(df, "photo", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no column 'photo'");
        assertThatThrownBy(() -> scoring.classify(df, "name", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not binary");
    }
}
