package dev.fmnist.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.testing.IdxFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

    @Test
    void countsTheTutorialNetworksArithmetic() {
        assertThat(FlopCounter.inferenceFlopsPerImage(ModelSpec.mlp())).isEqualTo(203_264);
        assertThat(FlopCounter.trainingFlopsPerImage(ModelSpec.mlp())).isEqualTo(409_088);
        assertThat(FlopCounter.trainingFlopsPerImage(ModelSpec.mlp()) * 60_000 / 1e9).isBetween(24.5, 24.6);
    }

    @Test
    void judgesEachBackendAgainstItsTarget() {
        BenchmarkResult tf = new BenchmarkResult("tf", null, List.of(1.0), 60_000, 24.5e9, 0.85, 600_000, 1, 1);
        BenchmarkResult fastPure = new BenchmarkResult("pure", null, List.of(0.4), 60_000, 24.5e9, 0.85, 2e6, 1, 1);
        BenchmarkResult slowPure = new BenchmarkResult("pure", null, List.of(0.6), 60_000, 24.5e9, 0.85, 2e6, 1, 1);
        BenchmarkResult dl4j = new BenchmarkResult("dl4j", null, List.of(5.0), 60_000, 24.5e9, 0.85, 200_000, 1, 1);
        BenchmarkTargets mlp = BenchmarkTargets.MLP;
        assertThat(BenchmarkTable.verdict(fastPure, List.of(tf, fastPure), mlp)).isEqualTo("meets target");
        assertThat(BenchmarkTable.verdict(slowPure, List.of(tf, slowPure), mlp)).startsWith("MISSED")
                .contains("half of tf");
        assertThat(BenchmarkTable.verdict(dl4j, List.of(dl4j), mlp)).contains("inference < 300,000/s");
        assertThat(fastPure.gflops()).isCloseTo(61.25, org.assertj.core.data.Offset.offset(1e-9));
        String table = BenchmarkTable.format(List.of(tf, fastPure, BenchmarkResult.failed("x", "boom")), mlp);
        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("FAILED: boom").contains("61.3");
    }

    @Test
    void theTargetsDependOnTheNetwork() {
        assertThat(BenchmarkTargets.of(ModelSpec.mlp())).isEqualTo(BenchmarkTargets.MLP);
        assertThat(BenchmarkTargets.of(dev.fmnist.api.io.ModelDescriptions.resolve("cnn", Path.of(""))))
                .isEqualTo(BenchmarkTargets.CONVOLUTIONAL);
    }

    @Test
    void aConvolutionalNetworkIsJudgedAgainstTfAndMemory() {
        // Issue 16, item 19: a CNN was judged against the MLP's inference figures.
        BenchmarkTargets cnn = BenchmarkTargets.CONVOLUTIONAL;
        BenchmarkResult tf = new BenchmarkResult("tf", null, List.of(40.0), 60_000, 1e12, 0.88, 3_000, 1, 800_000_000L);
        BenchmarkResult pure = new BenchmarkResult("pure", null, List.of(35.0), 60_000, 1e12, 0.88, 3_500, 1,
                370_000_000L);
        BenchmarkResult slowFat = new BenchmarkResult("pure", null, List.of(45.0), 60_000, 1e12, 0.88, 2_000, 1,
                700_000_000L);
        BenchmarkResult dl4j = new BenchmarkResult("dl4j", null, List.of(500.0), 60_000, 1e12, 0.79, 500, 1, 1);
        assertThat(BenchmarkTable.verdict(pure, List.of(tf, pure), cnn)).isEqualTo("meets target");
        assertThat(BenchmarkTable.verdict(slowFat, List.of(tf, slowFat), cnn)).contains("epoch > tf's 40.00 s")
                .contains("inference < tf's 3,000/s").contains("peak RSS >= 600 MB");
        assertThat(BenchmarkTable.verdict(tf, List.of(tf, pure), cnn)).isEqualTo("meets accuracy target");
        assertThat(BenchmarkTable.verdict(dl4j, List.of(dl4j), cnn)).isEqualTo(
                "MISSED: accuracy < 0.80 after the benchmark's epochs");
        assertThat(cnn.describe()).contains("peak RSS < 600 MB");
    }

    @Test
    void measuresInAChildJvmAndReportsACrashInItsRow(@TempDir Path dir) {
        IdxFixtures.writeDataset(dir, SyntheticData.blobs("t", 640, 1), SyntheticData.blobs("s", 2000, 2));
        BenchmarkSettings settings = new BenchmarkSettings(List.of("pure", "no-such-backend"), "mlp", 1, 32, 2, 42,
                1, dir);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<BenchmarkResult> results = new BenchmarkRunner(System.getProperty("java.class.path"),
                List.of("--add-modules", "jdk.incubator.vector", "-Xmx1g"))
                .run(settings, new PrintStream(progress, true));
        assertThat(results).hasSize(2);
        BenchmarkResult pure = results.get(0);
        assertThat(pure.error()).isNull();
        assertThat(pure.epochSeconds()).hasSize(2).allSatisfy(s -> assertThat(s).isPositive());
        assertThat(pure.samplesPerEpoch()).isEqualTo(640);
        assertThat(pure.testAccuracy()).isGreaterThan(0.5);
        assertThat(pure.inferenceImagesPerSecond()).isPositive();
        assertThat(pure.peakRssBytes()).isPositive();
        BenchmarkResult missing = results.get(1);
        assertThat(missing.ok()).isFalse();
        assertThat(missing.error()).contains("unknown backend 'no-such-backend'");
        assertThat(progress.toString()).contains("measuring pure").contains("measuring no-such-backend");
    }
}
