package dev.fmnist.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
    @Test
    void theMlpPresetIsTheTutorialsNetwork() {
        ModelSpec mlp = ModelSpec.preset("mlp");
        assertThat(mlp.summary()).isEqualTo("mlp: flatten -> dense(128, relu) -> dense(10, softmax)");
        assertThat(mlp.parameterCount()).isEqualTo(101_770);
        assertThat(mlp.parameterShapes()).containsOnlyKeys("dense_0/kernel", "dense_0/bias", "dense_1/kernel",
                "dense_1/bias");
        assertThat(mlp.parameterShapes().get("dense_0/kernel")).containsExactly(784, 128);
    }

    @Test
    void roundTripsThroughJsonIncludingFutureLayers() {
        ModelSpec spec = new ModelSpec("cnn", List.of(new LayerSpec.Conv2D(32, 3, Activation.RELU),
                new LayerSpec.MaxPool2D(2), new LayerSpec.Dropout(0.25), new LayerSpec.Flatten(),
                new LayerSpec.Dense(64, Activation.TANH), new LayerSpec.Dense(10, Activation.SOFTMAX)));
        assertThat(ModelSpec.fromJson(spec.toJsonString())).isEqualTo(spec);
        assertThat(ModelSpec.fromJson(ModelSpec.mlp().toJsonString())).isEqualTo(ModelSpec.mlp());
    }

    @Test
    void rejectsNetworksThatDoNotEndInTenProbabilities() {
        assertThatThrownBy(() -> new ModelSpec("x", List.of(new LayerSpec.Dense(10, Activation.RELU))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dense(10, softmax)");
        assertThatThrownBy(() -> ModelSpec.preset("resnet")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("known: [mlp]");
        assertThatThrownBy(() -> ModelSpec.fromJson("{\"name\":\"x\",\"layers\":[{\"type\":\"lstm\"}]}"))
                .hasMessageContaining("unknown layer type 'lstm'");
    }

    @Test
    void glorotUniformIsSymmetricWithinTheLimitAndSeeded() {
        Weights w = Initializers.glorotUniform(ModelSpec.mlp(), 42);
        float[] k = w.kernel(0);
        double limit = Math.sqrt(6.0 / (784 + 128));
        double min = 0;
        double max = 0;
        double sum = 0;
        for (float v : k) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertThat(min).isGreaterThanOrEqualTo(-limit).isLessThan(-0.9 * limit);
        assertThat(max).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
        assertThat(Math.abs(sum / k.length)).isLessThan(0.01 * limit);
        assertThat(w.bias(0)).containsOnly(0f);
        assertThat(Initializers.glorotUniform(ModelSpec.mlp(), 42)).isEqualTo(w);
        assertThat(Initializers.glorotUniform(ModelSpec.mlp(), 43)).isNotEqualTo(w);
    }
}
