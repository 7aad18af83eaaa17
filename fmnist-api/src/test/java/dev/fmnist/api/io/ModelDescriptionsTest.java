package dev.fmnist.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.conformance.ReferenceModel;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.model.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDescriptionsTest {
    @TempDir
    Path dir;

    @Test
    void readsPresetsFmnistJsonKerasJsonAndModelFiles() throws IOException {
        assertThat(ModelDescriptions.resolve("cnn", dir)).isEqualTo(ModelSpec.cnn());
        Files.writeString(dir.resolve("own.json"), ModelSpec.cnn().toJsonString());
        assertThat(ModelDescriptions.resolve("own.json", dir)).isEqualTo(ModelSpec.cnn());
        try (InputStream in = getClass().getResourceAsStream("/dev/fmnist/api/model/keras/keras2.6-input-layer.json")) {
            Files.write(dir.resolve("keras.json"), in.readAllBytes());
        }
        assertThat(ModelDescriptions.resolve("keras.json", dir).layers()).isEqualTo(ModelSpec.mlp().layers());
        ModelFile.write(dir.resolve("m.fmnist"), ReferenceModel.load());
        assertThat(ModelDescriptions.resolve("m.fmnist", dir)).isEqualTo(ReferenceModel.load().spec());
    }

    @Test
    void errorsNameTheFileOrTheKnownPresets() throws IOException {
        assertThatThrownBy(() -> ModelDescriptions.resolve("resnet", dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("known: [mlp, cnn]");
        assertThatThrownBy(() -> ModelDescriptions.resolve("missing.json", dir)).isInstanceOf(StorageException.class)
                .hasMessageContaining("missing.json does not exist");
        Files.writeString(dir.resolve("bad.json"), "{\"name\": \"x\", \"layers\": [{\"type\": \"lstm\"}]}");
        assertThatThrownBy(() -> ModelDescriptions.resolve("bad.json", dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.json: unknown layer type 'lstm' at layer 1");
    }
}
