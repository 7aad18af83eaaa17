package dev.fmnist.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each layer type's shape rule, as Keras computes it, and its shape error: an input the layer cannot take
 * is refused when the description is built, naming the layer, its position and the shapes, before any
 * backend sees it. The list covers every permitted layer type (checked against the sealed hierarchy).
 */
class LayerShapeRulesTest {

    /** layer, an input it takes and the output Keras gives, an input it refuses and part of the message. */
    static Stream<Arguments> rules() {
        Shape image = Shape.of(28, 28, 1);
        Shape flat = Shape.of(784);
        return Stream.of(
                Arguments.of(new LayerSpec.InputLayer(image), image, image, null, null),
                Arguments.of(new LayerSpec.Flatten(), Shape.of(7, 7, 64), Shape.of(3136), null, null),
                Arguments.of(new LayerSpec.Dense(128, Activation.RELU), flat, Shape.of(128), image,
                        "Dense needs a flat input but gets (28, 28, 1)"),
                Arguments.of(LayerSpec.Conv2D.same(32, 3, Activation.RELU), image, Shape.of(28, 28, 32), flat,
                        "Conv2D needs an image input"),
                Arguments.of(new LayerSpec.Conv2D(8, new Size2D(5, 3), Size2D.square(2), Padding.VALID,
                        Activation.LINEAR, true), image, Shape.of(12, 13, 8), Shape.of(4, 4, 1), "kernel height 5"),
                Arguments.of(new LayerSpec.MaxPooling2D(2), Shape.of(28, 28, 32), Shape.of(14, 14, 32),
                        Shape.of(1, 1, 4), "pool height 2 is larger than the input's 1"),
                Arguments.of(new LayerSpec.MaxPooling2D(Size2D.square(3), Size2D.square(2), Padding.SAME),
                        Shape.of(7, 7, 4), Shape.of(4, 4, 4), flat, "MaxPooling2D needs an image input"),
                Arguments.of(new LayerSpec.AveragePooling2D(Size2D.square(2), Size2D.square(2), Padding.VALID),
                        Shape.of(9, 9, 3), Shape.of(4, 4, 3), flat, "AveragePooling2D needs an image input"),
                Arguments.of(new LayerSpec.GlobalAveragePooling2D(), Shape.of(7, 7, 64), Shape.of(64), flat,
                        "GlobalAveragePooling2D needs an image input"),
                Arguments.of(new LayerSpec.Reshape(Shape.of(28, 28, 1)), flat, image, Shape.of(100),
                        "cannot reshape (100,)"),
                Arguments.of(new LayerSpec.Dropout(0.5), Shape.of(7, 7, 64), Shape.of(7, 7, 64), null, null),
                Arguments.of(new LayerSpec.BatchNormalization(), Shape.of(14, 14, 32), Shape.of(14, 14, 32), null,
                        null),
                Arguments.of(new LayerSpec.ActivationLayer(Activation.TANH), Shape.of(128), Shape.of(128), null,
                        null),
                Arguments.of(new LayerSpec.ReLU(), Shape.of(5, 5, 2), Shape.of(5, 5, 2), null, null),
                Arguments.of(new LayerSpec.Softmax(), Shape.of(10), Shape.of(10), null, null));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void computesItsOutputShapeAndRefusesWhatItCannotTake(LayerSpec layer, Shape good, Shape output, Shape bad,
            String message) {
        assertThat(layer.outputShape(good)).as(layer.type()).isEqualTo(output);
        if (bad == null) {
            return; // this layer takes any shape (Keras's element-wise layers and Flatten)
        }
        assertThatThrownBy(() -> layer.outputShape(bad)).as(layer.type()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void aShapeErrorInANetworkNamesTheLayerAndItsPosition(LayerSpec layer, Shape good, Shape output, Shape bad,
            String message) {
        if (bad == null || layer instanceof LayerSpec.InputLayer) {
            return;
        }
        // The layer third in a network whose first two layers hand it the bad shape.
        List<LayerSpec> layers = List.of(new LayerSpec.Dense(Math.toIntExact(bad.size()), Activation.LINEAR),
                new LayerSpec.Reshape(bad), layer, new LayerSpec.Flatten(),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX));
        assertThatThrownBy(() -> new ModelSpec("x", Shape.of(784), layers)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("layer 3 (" + layer.kerasClass()).hasMessageContaining(message);
    }

    @Test
    void everyLayerTypeHasARule() {
        Set<Class<?>> covered = rules().map(a -> a.get()[0].getClass()).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(LayerSpec.class.getPermittedSubclasses()));
    }
}
