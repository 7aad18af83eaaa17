package dev.fmnist.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.keras.testing.Models;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --input-range} on import: stored in the description, kept by every later write, never contradicting. */
class InputRangeTest {
    @TempDir
    Path dir;

    @Test
    void aDeclaredRawRangeIsStoredAndTravelsOn() {
        Path h5 = dir.resolve("raw.h5");
        ModelFiles.write(h5, Models.of(ModelSpec.mlp(), 4));
        SavedModel raw = ModelFiles.read(h5, new ReadOptions(null, "0-255"));
        assertThat(raw.spec().inputRange()).isEqualTo(new InputRange(1, 0));
        Path fmnist = dir.resolve("raw.fmnist");
        ModelFiles.write(fmnist, raw);
        assertThat(ModelFiles.read(fmnist).spec().inputRange()).isEqualTo(new InputRange(1, 0));
        // The exported .keras carries it as a Rescaling layer, read back without any option.
        Path keras = dir.resolve("raw.keras");
        ModelFiles.write(keras, raw);
        assertThat(ModelFiles.read(keras).spec().inputRange()).isEqualTo(new InputRange(1, 0));
        // The same weights fed raw pixels predict what the [0, 1] model predicts on 255x its input.
        float[] images = Models.synthetic(4);
        float[] scaled = images.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 255;
        }
        float[] expected = Models.predict(ModelFiles.read(h5), scaled, 4);
        float[] actual = Models.predict(raw, images, 4);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aDeclarationThatContradictsTheFileIsRefused() {
        Path keras = dir.resolve("raw.keras");
        SavedModel unit = Models.of(ModelSpec.mlp(), 5);
        ModelFiles.write(keras, new SavedModel(new ModelSpec("raw", unit.spec().inputShape(), unit.spec().layers(),
                new InputRange(1, 0)), unit.weights(), unit.provenance(), unit.history()));
        assertThatThrownBy(() -> ModelFiles.read(keras, new ReadOptions(null, "0-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("contradicts");
        assertThat(ModelFiles.read(keras, new ReadOptions(null, "0-255")).spec().inputRange())
                .isEqualTo(new InputRange(1, 0));
        assertThatThrownBy(() -> ModelFiles.read(keras, new ReadOptions(null, "0-9")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0-255");
    }
}
