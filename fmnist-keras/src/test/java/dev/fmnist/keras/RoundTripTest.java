package dev.fmnist.keras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.training.History;
import dev.fmnist.keras.testing.Models;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fmnist's models written as Keras files and read back: the same description and the same weight bits. */
public class RoundTripTest {
    @TempDir
    Path dir;

    public static SavedModel model(ModelSpec spec, long seed) {
        return Models.of(spec, seed);
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
    void aCnnWithBatchNormalizationKeepsEveryBitAndPredictsTheSameBits() {
        SavedModel original = Models.of(Models.cnnWithBatchNorm(), 9);
        float[] images = Models.synthetic(8);
        float[] expected = Models.predict(original, images, 8);
        for (String name : new String[] {"cnn.h5", "cnn.keras"}) {
            Path file = dir.resolve(name);
            ModelFiles.write(file, original);
            SavedModel read = ModelFiles.read(file);
            assertThat(read.weights()).as(name).isEqualTo(original.weights());
            assertThat(read.spec().layers()).as(name).isEqualTo(original.spec().layers());
            assertThat(Models.predict(read, images, 8)).as(name).isEqualTo(expected);
        }
    }

    @Test
    void anInputRangeSurvivesAsARescalingLayer() {
        SavedModel unit = Models.of(ModelSpec.mlp(), 10);
        ModelSpec raw = new ModelSpec("raw", unit.spec().inputShape(), unit.spec().layers(), new InputRange(1, 0));
        SavedModel original = new SavedModel(raw, unit.weights(), unit.provenance(), unit.history());
        for (String name : new String[] {"raw.h5", "raw.keras", "raw.fmnist"}) {
            Path file = dir.resolve(name);
            ModelFiles.write(file, original);
            SavedModel read = ModelFiles.read(file);
            assertThat(read.spec().inputRange()).as(name).isEqualTo(new InputRange(1, 0));
            assertThat(read.weights()).as(name).isEqualTo(original.weights());
        }
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
