package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.json.Json;
import dev.fmnist.api.json.JsonFields;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Shape;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsKerasSummaryOfThePresets() {
        Cli.Result mlp = Cli.in(dir).run("summary");
        assertThat(mlp.code()).as(mlp.toString()).isZero();
        assertThat(mlp.out()).contains("Model: \"mlp\"").containsPattern("dense \\(Dense\\)\\s+\\(None, 128\\)\\s+100,480")
                .contains("Total params: 101,770").contains("Non-trainable params: 0");
        Cli.Result cnn = Cli.in(dir).run("summary", "--model", "cnn");
        assertThat(cnn.out()).contains("Total params: 421,642")
                .containsPattern("max_pooling2d_1 \\(MaxPooling2D\\)\\s+\\(None, 7, 7, 64\\)\\s+0");
    }

    @Test
    void readsKerasJsonAndFmnistJsonAndModelFilesWithJsonOutput() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dev/fmnist/api/model/keras/keras3-cnn-batchnorm.json")) {
            Files.write(dir.resolve("keras.json"), in.readAllBytes());
        }
        Cli.Result keras = Cli.in(dir).run("summary", "--model", "keras.json", "--json");
        assertThat(keras.code()).as(keras.toString()).isZero();
        Map<String, Object> doc = Json.parseObject(keras.out());
        assertThat(doc).containsEntry("command", "summary").containsEntry("total_parameters", 421_898L)
                .containsEntry("non_trainable_parameters", 128L).containsEntry("input_shape", "(None, 28, 28, 1)");
        assertThat(JsonFields.array(doc, "layers")).hasSize(9);

        ModelSpec own = new ModelSpec("own", Shape.of(784), List.of(new LayerSpec.Dense(32, Activation.TANH),
                new LayerSpec.Dense(10, Activation.SOFTMAX)));
        Files.writeString(dir.resolve("own.json"), own.toJsonString());
        assertThat(Cli.in(dir).run("summary", "--model", "own.json").out()).contains("Total params: 25,450");

        Cli.Result file = Cli.in(dir).run("summary", "--model", Fixtures.model().toString());
        assertThat(file.code()).as(file.toString()).isZero();
        assertThat(file.out()).contains("Total params: 101,770");
    }

    @Test
    void badDescriptionsAreOneLineErrors() throws IOException {
        Files.writeString(dir.resolve("lstm.json"), "{\"class_name\": \"Sequential\", \"config\": {\"layers\": ["
                + "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm\", \"units\": 4}}]}}");
        Cli.Result r = Cli.in(dir).run("summary", "--model", "lstm.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("lstm.json: Keras layer 1 (LSTM 'lstm'): Keras layer class 'LSTM' is not "
                + "supported");
    }

    @Test
    void trainRefusesANetworkTheBackendCannotRunBeforeLoadingData() {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--model", "cnn", "--data",
                dir.resolve("no-data-here").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("backend 'fake' cannot run model 'cnn': layer 1 (Conv2D 'conv2d'): Conv2D layers "
                + "are not supported");
    }
}
