package dev.fmnist.keras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.training.History;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fmnist's models written as Keras files and read back: the same description and the same weight bits. */
public class RoundTripTest {
    @TempDir
    Path dir;

    public static SavedModel model(ModelSpec spec, long seed) {
        Provenance p = Provenance.now("pure", "test", TrainingConfig.defaults(), "fashion-mnist/train", "ab".repeat(32),
                Map.of(), true, 5);
        return new SavedModel(spec, Initializers.glorotUniform(spec, seed), p, History.empty());
    }

    @Test
    void h5KeepsEveryBit() {
        SavedModel original = model(ModelSpec.mlp(), 7);
        Path file = dir.resolve("m.h5");
        ModelFiles.write(file, original);
        SavedModel read = ModelFiles.read(file);
        assertThat(read.weights()).isEqualTo(original.weights());
        assertThat(read.spec().layers()).isEqualTo(original.spec().layers());
        assertThat(read.spec().inputShape()).isEqualTo(original.spec().inputShape());
        assertThat(read.provenance().imported().kerasVersion()).isEqualTo("2.6.0");
    }

    @Test
    void kerasKeepsEveryBit() {
        SavedModel original = model(ModelSpec.mlp(), 8);
        Path file = dir.resolve("m.keras");
        ModelFiles.write(file, original);
        SavedModel read = ModelFiles.read(file);
        assertThat(read.weights()).isEqualTo(original.weights());
        assertThat(read.spec().layers()).isEqualTo(original.spec().layers());
        assertThat(read.provenance().imported().format()).isEqualTo("keras");
    }
}
