package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsEvaluatesSavesAndShowsPredictions() throws IOException {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "2", "--data",
                Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Train images: 2000x28x28, labels: 2000")
                .contains("Test images:  500x28x28, labels: 500")
                .containsPattern("Epoch 1/2 - 63/63 - [0-9.]+s - loss: [0-9.]+ - accuracy: [0-9.]+")
                .contains("Epoch 2/2 - 63/63")
                .contains("Confusion matrix (rows: true class, columns: predicted)")
                .contains("First 5 test predictions:");
        assertThat(r.err()).isEmpty();
        // Default file name in the working directory, with the history beside it.
        Path file = dir.resolve("fmnist-fake-mlp.fmnist");
        SavedModel saved = ModelFile.read(file);
        assertThat(saved.history().epochs()).hasSize(2);
        // Without a validation split there is no val_ metric: the test set is evaluated once, after training.
        assertThat(saved.history().epochs()).noneSatisfy(e -> assertThat(e.hasValidation()).isTrue());
        assertThat(r.out()).doesNotContain("val_loss");
        assertThat(saved.history().testAccuracy()).isEqualTo(saved.provenance().metrics().get("test_accuracy"));
        assertThat(saved.provenance().backend()).isEqualTo("fake");
        assertThat(saved.provenance().complete()).isTrue();
        double accuracy = saved.provenance().metrics().get("test_accuracy");
        assertThat(accuracy).isGreaterThan(0.8);
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "test accuracy: %.4f", accuracy));
        Map<String, Object> history = Json.parseObject(Files.readString(dir.resolve("fmnist-fake-mlp.history.json")));
        assertThat(JsonFields.array(history, "epochs")).hasSize(2);
        assertThat(JsonFields.number(history, "test_accuracy")).isEqualTo(accuracy);
        // Five prediction lines, each with a verdict.
        List<String> predictions = r.out().lines().dropWhile(l -> !l.startsWith("First 5")).skip(2).toList();
        assertThat(predictions).hasSize(5).allMatch(l -> l.endsWith("ok") || l.endsWith("WRONG"));
    }

    @Test
    void jsonOutputIsOneDocument() throws IOException {
        Path out = dir.resolve("sub/model.fmnist");
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "1", "--seed", "7", "--data",
                Fixtures.data().toString(), "--out", out.toString(), "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> doc = Json.parseObject(r.out());
        assertThat(doc.get("command")).isEqualTo("train");
        assertThat(doc.get("backend")).isEqualTo("fake");
        assertThat(doc.get("complete")).isEqualTo(true);
        assertThat(JsonFields.object(doc, "config").get("seed")).isEqualTo(7L);
        assertThat(JsonFields.array(JsonFields.object(doc, "data"), "train_shape")).containsExactly(2000L, 28L, 28L);
        assertThat(JsonFields.array(doc, "history")).hasSize(1);
        Map<String, Object> test = JsonFields.object(doc, "test");
        assertThat(JsonFields.number(test, "accuracy")).isBetween(0.0, 1.0);
        assertThat(JsonFields.array(doc, "predictions")).hasSize(5);
        assertThat(doc.get("model_file")).isEqualTo(out.toString());
        assertThat(ModelFile.read(out).provenance().metrics()).containsKey("test_loss");
        assertThat(dir.resolve("sub/model.history.json")).exists();
    }

    @Test
    void aBarIsDrawnWhenAsked() {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "1", "--progress", "bar", "--data",
                Fixtures.data().toString(), "--out", "m.fmnist");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Epoch 1/1\n").contains("\r63/63 [==============================] ")
                .containsPattern("loss: [0-9.]+ - accuracy: [0-9.]+");
    }

    @Test
    void theSameSeedGivesTheSameModel() throws IOException {
        String[] args = {"train", "--backend", "fake", "--epochs", "1", "--data", Fixtures.data().toString(),
            "--progress", "none", "--out"};
        Cli.in(dir).run(concat(args, "a.fmnist"));
        Cli.in(dir).run(concat(args, "b.fmnist"));

        assertThat(ModelFile.read(dir.resolve("a.fmnist")).weights().tensors().get(0).data())
                .containsExactly(ModelFile.read(dir.resolve("b.fmnist")).weights().tensors().get(0).data());
    }

    @Test
    void fmnistBackendEnvironmentVariableChoosesTheBackend() {
        Cli.Result r = Cli.in(dir).withEnv("FMNIST_BACKEND", "fake").run("train", "--epochs", "1", "--data",
                Fixtures.data().toString(), "--progress", "none");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Backend: fake ");
        assertThat(dir.resolve("fmnist-fake-mlp.fmnist")).exists();
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
