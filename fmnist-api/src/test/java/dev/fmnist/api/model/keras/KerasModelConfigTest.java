package dev.fmnist.api.model.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.json.Json;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.LayerNode;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KerasModelConfigTest {
    private static final List<LayerSpec> TUTORIAL = List.of(new LayerSpec.Flatten(),
            new LayerSpec.Dense(128, Activation.RELU), new LayerSpec.Dense(10, Activation.SOFTMAX));

    static String fixture(String name) {
        try (InputStream in = KerasModelConfigTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras2.2-batch-input-shape.json", "keras2.6-input-layer.json"})
    void readsTheTutorialsNetworkFromKeras2(String file) {
        ModelSpec spec = KerasModelConfig.parse(fixture(file));
        assertThat(spec.inputShape()).isEqualTo(Shape.of(28, 28));
        assertThat(spec.layers()).isEqualTo(TUTORIAL);
        assertThat(spec.parameterCount()).isEqualTo(101_770);
        assertThat(spec.parameters()).isEqualTo(ModelSpec.mlp().parameters());
    }

    @Test
    void readsTheListFormOfKeras21() {
        ModelSpec spec = KerasModelConfig.parse(fixture("keras2.1-list-config.json"));
        assertThat(spec.name()).isEqualTo("keras");
        assertThat(spec.layers()).containsExactly(new LayerSpec.Flatten(), new LayerSpec.Dense(128, Activation.RELU),
                new LayerSpec.Dropout(0.2), new LayerSpec.Dense(10, Activation.SOFTMAX));
    }

    @Test
    void readsKeras3WithBatchShapeDtypePoliciesAndBatchNormalization() {
        ModelSpec spec = KerasModelConfig.parse(fixture("keras3-cnn-batchnorm.json"));
        assertThat(spec.name()).isEqualTo("sequential");
        assertThat(spec.inputShape()).isEqualTo(Shape.IMAGE);
        assertThat(spec.layers().get(0)).isEqualTo(LayerSpec.Conv2D.same(32, 3, Activation.RELU));
        assertThat(spec.layers().get(3)).isEqualTo(new LayerSpec.BatchNormalization());
        assertThat(spec.layers().get(7)).isEqualTo(new LayerSpec.Dropout(0.3));
        // the peer CNN's 421,642 plus BatchNormalization's 4 x 64
        assertThat(spec.parameterCount()).isEqualTo(421_642 + 256);
        assertThat(spec.trainableParameterCount()).isEqualTo(421_642 + 128);
        assertThat(spec.nodes()).extracting(LayerNode::name).contains("batch_normalization", "max_pooling2d_1");
    }

    @Test
    void flattensNestedSequentialsAndKeepsRescalingAsTheInputRange() {
        ModelSpec spec = KerasModelConfig.parse(fixture("keras3-nested-rescaling.json"));
        assertThat(spec.inputShape()).isEqualTo(Shape.of(28, 28));
        assertThat(spec.inputRange()).isEqualTo(new InputRange(1 / 127.5, -1));
        assertThat(spec.inputRange().fromUnit(1f)).isEqualTo(1f);
        assertThat(spec.layers()).containsExactly(new LayerSpec.Reshape(Shape.IMAGE),
                LayerSpec.Conv2D.same(8, 3, Activation.RELU), new LayerSpec.GlobalAveragePooling2D(),
                new LayerSpec.Dense(10, Activation.LINEAR), new LayerSpec.Softmax());
        assertThat(ModelSpec.fromJson(spec.toJsonString())).isEqualTo(spec);
    }

    @Test
    void namesTheUnknownClassAndItsPosition() {
        String json = fixture("keras2.6-input-layer.json").replace("\"class_name\": \"Flatten\"",
                "\"class_name\": \"LSTM\"");
        assertThatThrownBy(() -> KerasModelConfig.parse(json)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Keras layer 2 (LSTM 'flatten'): Keras layer class 'LSTM' is not supported")
                .hasMessageNotContaining("\n");
    }

    @Test
    void namesAnOptionItDoesNotRun() {
        String regularized = fixture("keras2.6-input-layer.json").replaceFirst("\"kernel_regularizer\": null",
                "\"kernel_regularizer\": {\"class_name\": \"L2\", \"config\": {\"l2\": 0.01}}");
        assertThatThrownBy(() -> KerasModelConfig.parse(regularized))
                .hasMessageStartingWith("Keras layer 3 (Dense 'dense'): option kernel_regularizer=");
        String unknown = fixture("keras2.6-input-layer.json").replaceFirst("\"units\": 128",
                "\"units\": 128, \"spectral\": true");
        assertThatThrownBy(() -> KerasModelConfig.parse(unknown))
                .hasMessage("Keras layer 3 (Dense 'dense'): unknown option 'spectral'");
        String dilated = fixture("keras3-cnn-batchnorm.json").replaceFirst("\"dilation_rate\": \\[1, 1\\]",
                "\"dilation_rate\": [2, 2]");
        assertThatThrownBy(() -> KerasModelConfig.parse(dilated))
                .hasMessageStartingWith("Keras layer 2 (Conv2D 'conv2d'): option dilation_rate=[2, 2] is not supported");
        String half = fixture("keras3-cnn-batchnorm.json").replace("\"name\": \"float32\"",
                "\"name\": \"mixed_float16\"");
        assertThatThrownBy(() -> KerasModelConfig.parse(half)).hasMessageContaining("dtype 'mixed_float16'");
    }

    @Test
    void refusesOtherModelClassesAndShapeErrorsNameTheLayer() {
        assertThatThrownBy(() -> KerasModelConfig.parse("{\"class_name\": \"Functional\", \"config\": {}}"))
                .hasMessageContaining("'Functional' is not supported");
        String noFlatten = fixture("keras2.6-input-layer.json").replace("\"class_name\": \"Flatten\"",
                "\"class_name\": \"Dropout\"").replace("\"data_format\": \"channels_last\"", "\"rate\": 0.1");
        assertThatThrownBy(() -> KerasModelConfig.parse(noFlatten))
                .hasMessageStartingWith("Keras layer 3 (Dense 'dense'): Dense needs a flat input but gets (28, 28)");
    }

    @Test
    void readsTheConfigOfARealKeras3File() throws IOException {
        Path sample = Path.of("..", "..", "shared", "keras-samples", "cnn-keras3.8.keras");
        Assumptions.assumeTrue(Files.isRegularFile(sample), "no Keras sample at " + sample.toAbsolutePath());
        String config;
        try (ZipFile zip = new ZipFile(sample.toFile())) {
            config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        Map<String, Object> json = Json.parseObject(config);
        assertThat(KerasModelConfig.isKeras(json)).isTrue();
        ModelSpec spec = KerasModelConfig.toSpec(json);
        assertThat(spec.parameterCount()).isEqualTo(225_034);
        assertThat(spec.layers().get(0)).isEqualTo(new LayerSpec.Conv2D(32, 3, Activation.RELU));
        assertThat(((LayerSpec.MaxPooling2D) spec.layers().get(1)).padding()).isEqualTo(Padding.VALID);
    }
}
