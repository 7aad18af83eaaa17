package dev.fmnist.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
    /** The PyTorch peer's CNN, whose Keras twin has 421,642 parameters. */
    static final ModelSpec PEER_CNN = new ModelSpec("peer", Shape.IMAGE, List.of(
            LayerSpec.Conv2D.same(32, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2),
            LayerSpec.Conv2D.same(64, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2), new LayerSpec.Flatten(),
            new LayerSpec.Dense(128, Activation.RELU), new LayerSpec.Dense(10, Activation.SOFTMAX)));

    @Test
    void theMlpPresetIsTheTutorialsNetwork() {
        ModelSpec mlp = ModelSpec.preset("mlp");
        assertThat(mlp.summary()).isEqualTo("mlp: flatten -> dense(128, relu) -> dense(10, softmax)");
        assertThat(mlp.parameterCount()).isEqualTo(101_770);
        assertThat(mlp.parameterShapes()).containsOnlyKeys("dense/kernel", "dense/bias", "dense_1/kernel",
                "dense_1/bias");
        assertThat(mlp.parameterShapes().get("dense/kernel")).containsExactly(784, 128);
        assertThat(mlp.inputShape()).isEqualTo(Shape.of(28, 28));
        assertThat(mlp.toJsonString()).isEqualTo("""
                {
                  "name": "mlp",
                  "input_shape": [28, 28],
                  "layers": [
                    {
                      "type": "flatten"
                    },
                    {
                      "type": "dense",
                      "units": 128,
                      "activation": "relu"
                    },
                    {
                      "type": "dense",
                      "units": 10,
                      "activation": "softmax"
                    }
                  ]
                }""".replace("[28, 28]", mlp.toJsonString().contains("[28, 28]") ? "[28, 28]" : "[\n    28,\n    28\n  ]"));
    }

    @Test
    void theCnnPresetCarriesItsEpochsAndOnlyIt() {
        assertThat(ModelSpec.presetEpochs("cnn")).hasValue(ModelSpec.CNN_EPOCHS);
        assertThat(ModelSpec.presetEpochs("mlp")).isEmpty();
        assertThat(ModelSpec.presetEpochs("cnn.json")).isEmpty();
    }

    @Test
    void countsParametersAsKeras() {
        assertThat(PEER_CNN.parameterCount()).isEqualTo(421_642);
        assertThat(ModelSpec.cnn().parameterCount()).isEqualTo(421_642);
        List<LayerNode> nodes = PEER_CNN.nodes();
        assertThat(nodes).extracting(LayerNode::name).containsExactly("conv2d", "max_pooling2d", "conv2d_1",
                "max_pooling2d_1", "flatten", "dense", "dense_1");
        assertThat(nodes).extracting(n -> n.output().toString()).containsExactly("(28, 28, 32)", "(14, 14, 32)",
                "(14, 14, 64)", "(7, 7, 64)", "(3136,)", "(128,)", "(10,)");
        assertThat(nodes.get(2).parameter("kernel").shape()).containsExactly(3, 3, 32, 64);
        assertThat(nodes.get(2).parameter("kernel").initializer())
                .isEqualTo(new Initializer.GlorotUniform(9 * 32, 9 * 64));
    }

    @Test
    void validPaddingStridesAndBatchNormalization() {
        ModelSpec spec = new ModelSpec("bn", Shape.IMAGE, List.of(
                new LayerSpec.Conv2D(8, new Size2D(3, 5), new Size2D(2, 2), Padding.VALID, Activation.LINEAR, false),
                new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(),
                new LayerSpec.MaxPooling2D(Size2D.square(3), Size2D.square(2), Padding.SAME),
                new LayerSpec.AveragePooling2D(Size2D.square(2), Size2D.square(1), Padding.VALID),
                new LayerSpec.GlobalAveragePooling2D(), new LayerSpec.Dense(10, Activation.LINEAR),
                new LayerSpec.Softmax()));
        List<LayerNode> nodes = spec.nodes();
        assertThat(nodes.get(0).output()).isEqualTo(Shape.of(13, 12, 8));
        assertThat(nodes.get(3).output()).isEqualTo(Shape.of(7, 6, 8));
        assertThat(nodes.get(4).output()).isEqualTo(Shape.of(6, 5, 8));
        assertThat(nodes.get(5).output()).isEqualTo(Shape.of(8));
        assertThat(nodes.get(1).parameters()).extracting(ParameterSpec::name).containsExactly(
                "batch_normalization/gamma", "batch_normalization/beta", "batch_normalization/moving_mean",
                "batch_normalization/moving_variance");
        assertThat(nodes.get(1).parameters()).extracting(ParameterSpec::trainable)
                .containsExactly(true, true, false, false);
        assertThat(nodes.get(0).parameters()).extracting(ParameterSpec::name).containsExactly("conv2d/kernel");
        // 3*5*1*8 + 4*8 + 8*10+10
        assertThat(spec.parameterCount()).isEqualTo(120 + 32 + 90);
        assertThat(spec.trainableParameterCount()).isEqualTo(120 + 16 + 90);
        Weights w = Initializers.glorotUniform(spec, 1);
        assertThat(w.get("batch_normalization/gamma").data()).containsOnly(1f);
        assertThat(w.get("batch_normalization/moving_variance").data()).containsOnly(1f);
        assertThat(w.get("batch_normalization/moving_mean").data()).containsOnly(0f);
        double limit = Math.sqrt(6.0 / (15 + 15 * 8));
        float largest = 0;
        for (float v : w.get("conv2d/kernel").data()) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat((double) largest).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
    }

    @Test
    void roundTripsThroughJsonIncludingEveryLayerType() {
        ModelSpec spec = new ModelSpec("all", Shape.IMAGE, List.of(
                new LayerSpec.Conv2D(4, new Size2D(3, 3), new Size2D(1, 2), Padding.SAME, Activation.TANH, false),
                new LayerSpec.BatchNormalization(-1, 0.9, 1e-5, false, true), new LayerSpec.ReLU(),
                new LayerSpec.MaxPooling2D(2), new LayerSpec.AveragePooling2D(Size2D.square(2), Size2D.square(2),
                        Padding.SAME),
                new LayerSpec.Reshape(Shape.of(4, 7, 4)), new LayerSpec.GlobalAveragePooling2D(),
                new LayerSpec.ActivationLayer(Activation.SIGMOID), new LayerSpec.Dropout(0.25), new LayerSpec.Flatten(),
                new LayerSpec.Dense(10, Activation.LINEAR, false), new LayerSpec.ActivationLayer(Activation.SOFTMAX)),
                new InputRange(1 / 127.5, -1));
        assertThat(ModelSpec.fromJson(spec.toJsonString())).isEqualTo(spec);
        assertThat(ModelSpec.fromJson(ModelSpec.mlp().toJsonString())).isEqualTo(ModelSpec.mlp());
        assertThat(ModelSpec.fromJson(ModelSpec.cnn().toJsonString())).isEqualTo(ModelSpec.cnn());
    }

    @Test
    void readsTheFirstVersionsJson() {
        ModelSpec old = ModelSpec.fromJson("""
                {"name": "c", "input_shape": [28, 28, 1], "layers": [{"type": "conv2d", "filters": 2,
                 "kernel_size": 3, "activation": "relu"}, {"type": "maxpool2d", "pool_size": 2},
                 {"type": "flatten"}, {"type": "dense", "units": 10, "activation": "softmax"}]}""");
        assertThat(old.layers().get(0)).isEqualTo(new LayerSpec.Conv2D(2, 3, Activation.RELU));
        assertThat(old.layers().get(1)).isEqualTo(new LayerSpec.MaxPooling2D(2));
    }

    @Test
    void rejectsNetworksThatDoNotEndInTenProbabilities() {
        assertThatThrownBy(() -> new ModelSpec("x", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(10, Activation.RELU))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dense(10, softmax)");
        assertThatThrownBy(() -> new ModelSpec("x", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(12, Activation.LINEAR), new LayerSpec.Softmax())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("giving (12,)");
        assertThatThrownBy(() -> ModelSpec.preset("resnet")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("known: [mlp, cnn]");
        assertThatThrownBy(() -> ModelSpec.fromJson("{\"name\":\"x\",\"layers\":[{\"type\":\"lstm\"}]}"))
                .hasMessageContaining("unknown layer type 'lstm'").hasMessageContaining("layer 1");
        assertThatThrownBy(() -> ModelSpec.fromJson("{\"name\":\"x\",\"layers\":[{\"type\":\"flatten\"},"
                + "{\"type\":\"dense\",\"units\":10,\"activation\":\"softmax\",\"kernel_regularizer\":1}]}"))
                .hasMessageContaining("layer 2 (dense)").hasMessageContaining("unknown option 'kernel_regularizer'");
    }

    @Test
    void shapeErrorsNameTheLayerAndItsPosition() {
        assertThatThrownBy(() -> new ModelSpec("x", Shape.IMAGE, List.of(new LayerSpec.Dense(10, Activation.SOFTMAX))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("layer 1 (Dense 'dense'): Dense needs a flat input but gets (28, 28, 1); add a Flatten "
                        + "before it");
        assertThatThrownBy(() -> new ModelSpec("x", Shape.IMAGE, List.of(new LayerSpec.Conv2D(4, 9, Activation.RELU),
                new LayerSpec.MaxPooling2D(30), new LayerSpec.Flatten(), new LayerSpec.Dense(10, Activation.SOFTMAX))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("layer 2 (MaxPooling2D 'max_pooling2d'): pool height 30 is larger than the input's 20 "
                        + "with padding 'valid'");
        assertThatThrownBy(() -> new ModelSpec("x", Shape.IMAGE_2D, List.of(new LayerSpec.Conv2D(4, 3, Activation.RELU),
                new LayerSpec.Flatten(), new LayerSpec.Dense(10, Activation.SOFTMAX))))
                .hasMessageContaining("layer 1 (Conv2D 'conv2d'): Conv2D needs an image input");
        assertThatThrownBy(() -> new ModelSpec("x", Shape.of(28, 28, 3), List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(10, Activation.SOFTMAX)))).hasMessageContaining("(28, 28, 1)");
        assertThatThrownBy(() -> new ModelSpec("x", Shape.IMAGE, List.of(new LayerSpec.Reshape(Shape.of(10, 10)),
                new LayerSpec.Flatten(), new LayerSpec.Dense(10, Activation.SOFTMAX))))
                .hasMessageContaining("layer 1 (Reshape 'reshape'): cannot reshape (28, 28, 1)");
    }

    @Test
    void aLeadingInputLayerIsTheInputShape() {
        ModelSpec spec = new ModelSpec("x", List.of(new LayerSpec.InputLayer(Shape.of(784)),
                new LayerSpec.Dense(10, Activation.SOFTMAX)));
        assertThat(spec.inputShape()).isEqualTo(Shape.of(784));
        assertThat(spec.layers()).hasSize(1);
        assertThat(spec.nodes().get(0).name()).isEqualTo("dense");
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
