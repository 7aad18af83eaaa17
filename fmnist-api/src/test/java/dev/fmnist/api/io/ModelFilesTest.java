package dev.fmnist.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.model.ImportSource;
import dev.fmnist.api.model.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsAnFmnistFileByItsContentWhateverItsName() throws IOException {
        Path file = dir.resolve("renamed.bin");
        SavedModel original = ModelFileTest.sample();
        Files.write(file, ModelFile.encode(original));
        assertThat(ModelFiles.read(file).weights()).isEqualTo(original.weights());
    }

    @Test
    void writesByExtensionAndRefusesUnknownOnes() {
        Path file = dir.resolve("m.fmnist");
        ModelFiles.write(file, ModelFileTest.sample());
        assertThat(ModelFile.read(file).spec()).isEqualTo(ModelFileTest.sample().spec());
        assertThatThrownBy(() -> ModelFiles.write(dir.resolve("m.xyz"), ModelFileTest.sample()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(".fmnist");
        assertThat(dir.resolve("m.xyz")).doesNotExist();
    }

    @Test
    void namesTheKnownFormatsForAForeignFile() throws IOException {
        Path file = dir.resolve("foreign.bin");
        Files.writeString(file, "hello, not a model");
        assertThatThrownBy(() -> ModelFiles.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a model file of a known format").hasMessageContaining("fmnist");
        // A name that claims a format gets that format's own diagnosis.
        Path named = Files.writeString(dir.resolve("foreign.fmnist"), "hello, not a model");
        assertThatThrownBy(() -> ModelFiles.read(named)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not an fmnist model file");
        assertThatThrownBy(() -> ModelFiles.read(dir.resolve("absent.fmnist")))
                .isInstanceOf(StorageException.class).hasMessageContaining("does not exist");
    }

    @Test
    void importProvenanceRoundTripsThroughTheFile() {
        SavedModel base = ModelFileTest.sample();
        Provenance p = base.provenance();
        ImportSource source = new ImportSource("model.h5", "0f".repeat(32), "keras-h5", "2.6.0", "tensorflow",
                "{\"loss\": \"x\"}", Instant.parse("2026-12-01T20:00:00Z"));
        Provenance imported = new Provenance("keras", "2.6.0", p.fmnistVersion(), p.config(), p.dataName(),
                p.dataSha256(), p.metrics(), p.created(), p.jvm(), p.os(), true, 0, source);
        Path file = dir.resolve("imported.fmnist");
        ModelFile.write(file, new SavedModel(base.spec(), base.weights(), imported, base.history()));
        Provenance read = ModelFile.read(file).provenance();
        assertThat(read).isEqualTo(imported);
        assertThat(read.isImported()).isTrue();
        assertThat(ModelFile.read(file).provenance().imported().trainingConfig()).isEqualTo("{\"loss\": \"x\"}");
    }
}
