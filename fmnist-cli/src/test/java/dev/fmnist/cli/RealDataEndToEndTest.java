package dev.fmnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.RealData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial on the real data with the default backend, one epoch (skipped without the files). */
class RealDataEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void oneEpochOnTheRealDataWithTheDefaultBackend() {
        FashionMnist real = RealData.orSkip();

        Cli.Result r = Cli.in(dir).run("train", "--epochs", "1", "--data", real.directory().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Backend: pure ").contains("Train images: 60000x28x28, labels: 60000")
                .contains("Test images:  10000x28x28, labels: 10000").contains("Epoch 1/1 - 1875/1875 - ");
        SavedModel saved = ModelFile.read(dir.resolve("fmnist-pure-mlp.fmnist"));
        // Keras reaches about 0.82 training and 0.84 test accuracy after one epoch.
        assertThat(saved.history().last().accuracy()).isGreaterThan(0.78);
        assertThat(saved.provenance().metrics().get("test_accuracy")).isGreaterThan(0.80);
        assertThat(saved.provenance().dataSha256()).hasSize(64);

        Cli.Result predicted = Cli.in(dir).run("predict", "--model", "fmnist-pure-mlp.fmnist", "--data",
                real.directory().toString(), "--test-index", "0");
        assertThat(predicted.code()).as(predicted.toString()).isZero();
        assertThat(predicted.out()).contains("test image 0: ").contains("(true: Ankle boot");
    }
}
