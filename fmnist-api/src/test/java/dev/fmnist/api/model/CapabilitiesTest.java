package dev.fmnist.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    private static final Capabilities SOME = Capabilities.builder().allow(LayerSpec.Flatten.class)
            .allow(LayerSpec.Dense.class)
            .allow(LayerSpec.Conv2D.class, "valid padding", (c, node, last) ->
                    c.padding() == Padding.SAME ? "padding 'same'" : null)
            .allow(LayerSpec.MaxPooling2D.class).build();

    @Test
    void namesTheFirstUnsupportedLayerOrOption() {
        assertThat(SOME.problem(ModelSpec.mlp())).isEmpty();
        assertThat(SOME.problem(ModelSpec.cnn())).hasValue("layer 1 (Conv2D 'conv2d'): padding 'same' is not supported");
        ModelSpec withDropout = new ModelSpec("d", List.of(new LayerSpec.Conv2D(2, 3, Activation.RELU),
                new LayerSpec.Flatten(), new LayerSpec.Dropout(0.1), new LayerSpec.Dense(10, Activation.SOFTMAX)));
        assertThat(SOME.problem(withDropout)).hasValue("layer 3 (Dropout 'dropout'): Dropout layers are not supported "
                + "(supported: Flatten, Dense, Conv2D, MaxPooling2D)");
        ModelSpec rescaled = new ModelSpec("r", Shape.IMAGE_2D, ModelSpec.mlp().layers(), new InputRange(1, 0));
        assertThat(SOME.problem(rescaled)).get().asString().contains("Rescaling");
    }

    @Test
    void denseStacksAreWhatEveryBackendRanBefore() {
        Capabilities dense = Capabilities.denseStacks();
        assertThat(dense.supports(ModelSpec.mlp())).isTrue();
        assertThat(dense.supports(ModelSpec.cnn())).isFalse();
        ModelSpec hiddenSoftmax = new ModelSpec("s", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(20, Activation.SOFTMAX), new LayerSpec.Dense(10, Activation.SOFTMAX)));
        assertThat(dense.problem(hiddenSoftmax)).hasValue("layer 2 (Dense 'dense'): activation 'softmax' on a hidden "
                + "layer is not supported");
        assertThat(dense.describe()).containsExactly("Flatten", "Dense (with a bias; softmax only last)");
    }
}
