package dev.fmnist.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PredictorTest {
    private final Predictor uniform = (images, count, out) -> {
        Predictor.checkShapes(images, count, out);
        Arrays.fill(out, 0, count * 10, 0.1f);
    };

    @Test
    void aNegativeCountIsAOneLineErrorNotANegativeArraySize() {
        // Issue 16, item 13: the default method allocated count * 10 floats before any check.
        assertThatThrownBy(() -> uniform.predict(new float[784], -1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("image count must not be negative, got -1");
        assertThatThrownBy(() -> uniform.predict(new float[784], Integer.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected 2147483647 images");
    }

    @Test
    void predictsIntoANewArray() {
        assertThat(uniform.predict(new float[2 * 784], 2)).hasSize(20).containsOnly(0.1f);
    }
}
