package dev.fmnist.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.RealData;
import dev.fmnist.spark.testing.SparkTesting;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep of two tiny configurations on local[2]: one row each, models that load, failures kept apart. */
class SweepJobTest {
    @TempDir
    Path dir;

    @Test
    void twoTinyConfigurationsTrainInParallelAndReportTheirMetrics() {
        FashionMnist data = RealData.orSkip();
        List<SweepPoint> points = SweepGrid.of(List.of("mlp"), List.of("pure", "no-such-backend"),
                List.of(0.001, 0.003), List.of(64), List.of(1), 7);
        assertThat(points).hasSize(4);
        SweepSettings settings = new SweepSettings(data.directory().toString(), 0.1, 3000, 1,
                dir.resolve("models").toString());
        try (SparkSession spark = SparkTesting.localSession()) {
            List<Row> rows = SweepJob.run(spark, points, settings).orderBy("id").collectAsList();
            assertThat(rows).hasSize(4);
            for (Row r : rows) {
                if ("pure".equals(r.getAs("backend"))) {
                    assertThat(r.<String>getAs("error")).isNull();
                    assertThat(r.<Double>getAs("val_accuracy")).isBetween(0.5, 1.0);
                    assertThat(r.<Double>getAs("test_accuracy")).isBetween(0.5, 1.0);
                    Path model = Path.of(URI.create(r.getAs("model_path")));
                    var saved = ModelFile.read(model);
                    assertThat(saved.provenance().config().optimizer().learningRate()).isEqualTo(r.<Double>getAs("learning_rate"));
                } else {
                    assertThat(r.<String>getAs("error")).contains("no-such-backend");
                    assertThat(r.<Object>getAs("test_accuracy")).isNull();
                }
            }
            double a = rows.get(0).getAs("val_accuracy");
            double b = rows.get(1).getAs("val_accuracy");
            assertThat(a).as("different learning rates train different models").isNotEqualTo(b);
        }
    }

    @Test
    void aBadGridFailsOnTheDriverBeforeAnyTask() {
        assertThatThrownBy(() -> SweepGrid.of(List.of("nope"), List.of("pure"), List.of(0.001), List.of(32),
                List.of(1), 1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown model 'nope'");
        assertThatThrownBy(() -> SweepGrid.of(List.of("mlp"), List.of("pure"), List.of(-1.0), List.of(32),
                List.of(1), 1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new SweepSettings(null, 1.5, 0, 1, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--validation-split");
    }
}
