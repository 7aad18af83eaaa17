package dev.fmnist.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Weights;
import dev.fmnist.keras.hdf5.H5Tree;
import dev.fmnist.keras.testing.Fixtures;
import dev.fmnist.keras.testing.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every variant of Keras file seen in the wild, generated here, reads as the same MLP with the same weights. */
class KerasVariantsTest {
    /** The tutorial's MLP with seeded weights; Keras's names for its layers are flatten, dense, dense_1. */
    private static final Weights W = Models.of(ModelSpec.mlp(), 3).weights();

    private static final String DENSE_2X = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"%s\", \"units\": %d, "
            + "\"activation\": \"%s\", \"use_bias\": true}}";
    private static final String KERAS21_LIST = "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": "
            + "\"Flatten\", \"config\": {\"name\": \"flatten_1\", \"batch_input_shape\": [null, 28, 28]}}, "
            + String.format(DENSE_2X, "dense_1", 128, "relu") + ", " + String.format(DENSE_2X, "dense_2", 10, "softmax")
            + "]}";
    private static final String KERAS224 = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", "
            + "\"layers\": " + KERAS21_LIST.substring(KERAS21_LIST.indexOf('['), KERAS21_LIST.length() - 1) + "}}";
    private static final String POLICY = "{\"module\": \"keras\", \"class_name\": \"DTypePolicy\", \"config\": "
            + "{\"name\": \"float32\"}, \"registered_name\": null}";
    private static final String DENSE_3X = "{\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": "
            + "{\"name\": \"%s\", \"trainable\": true, \"dtype\": " + POLICY + ", \"units\": %d, \"activation\": "
            + "\"%s\", \"use_bias\": true}, \"registered_name\": null, \"build_config\": {\"input_shape\": [null, %d]}}";
    private static final String INPUT_3X = "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", "
            + "\"config\": {\"batch_shape\": [null, 28, 28], \"dtype\": \"float32\", \"name\": \"input_layer\"}, "
            + "\"registered_name\": null}";
    private static final String FLATTEN_3X = "{\"module\": \"keras.layers\", \"class_name\": \"Flatten\", "
            + "\"config\": {\"name\": \"flatten\", \"dtype\": " + POLICY + "}, \"registered_name\": null}";
    private static final String KERAS3 = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": "
            + "{\"name\": \"sequential\", \"dtype\": " + POLICY + ", \"layers\": [" + INPUT_3X + ", " + FLATTEN_3X
            + ", " + String.format(DENSE_3X, "dense", 128, "relu", 784) + ", "
            + String.format(DENSE_3X, "dense_1", 10, "softmax", 128) + "]}, \"registered_name\": null}";
    /** A Sequential inside a Sequential, the softmax as its own layer after it. */
    private static final String NESTED = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"outer\", "
            + "\"layers\": [{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 28, 28]}}, "
            + "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": [{\"class_name\": "
            + "\"Flatten\", \"config\": {\"name\": \"flatten\"}}, " + String.format(DENSE_2X, "dense", 128, "relu")
            + ", " + String.format(DENSE_2X, "dense_1", 10, "linear") + "]}}, {\"class_name\": \"Softmax\", "
            + "\"config\": {\"name\": \"softmax\", \"axis\": -1}}]}}";

    @TempDir
    Path dir;

    /** Keras 2's weights tree: layer groups with {@code weight_names} naming datasets below them. */
    private static H5Tree.Group legacyWeights(H5Tree.Group g, String[] layers, String prefix, String suffix) {
        g.attribute("layer_names", List.of(layers));
        g.group(layers[0]).attribute("weight_names", new H5Tree.EmptyArray());
        for (int i = 1; i < 3; i++) {
            String layer = layers[i];
            String tensor = i == 1 ? "dense" : "dense_1";
            H5Tree.Group group = g.group(layer);
            String path = prefix + layer + "/";
            group.attribute("weight_names", List.of(path + "kernel" + suffix, path + "bias" + suffix));
            H5Tree.Group inner = group;
            for (String part : (prefix + layer).split("/")) {
                inner = inner.group(part);
            }
            Fixtures.put(inner, "kernel" + suffix, W, tensor + "/kernel");
            Fixtures.put(inner, "bias" + suffix, W, tensor + "/bias");
        }
        return g;
    }

    private static H5Tree.Group fullModel(String config, String version, String[] layers, String prefix,
            String suffix) {
        H5Tree.Group root = new H5Tree.Group().attribute("keras_version", version).attribute("backend", "tensorflow")
                .attribute("model_config", config);
        legacyWeights(root.group("model_weights"), layers, prefix, suffix);
        return root;
    }

    private SavedModel read(String name, H5Tree.Group root, ReadOptions options) {
        return ModelFiles.read(Fixtures.h5(dir.resolve(name), root), options);
    }

    private static void assertTheMlp(SavedModel m) {
        assertThat(m.weights()).isEqualTo(W);
        assertThat(m.spec().parameterCount()).isEqualTo(101_770);
    }

    @Test
    void keras21ListConfigWithTheInputShapeOnTheFirstLayer() {
        SavedModel m = read("k21.h5", fullModel(KERAS21_LIST, "2.1.6-tf",
                new String[] {"flatten_1", "dense_1", "dense_2"}, "", ":0"), ReadOptions.none());
        assertTheMlp(m);
        assertThat(m.spec().inputShape()).isEqualTo(Shape.of(28, 28));
        assertThat(m.provenance().imported().kerasVersion()).isEqualTo("2.1.6-tf");
    }

    @Test
    void keras224NamedConfigWithoutInputLayer() {
        assertTheMlp(read("k224.h5", fullModel(KERAS224, "2.2.4", new String[] {"flatten_1", "dense_1", "dense_2"},
                "", ":0"), ReadOptions.none()));
    }

    @Test
    void keras3LegacyH5WithVariablePathsAndTopLevelWeights() {
        H5Tree.Group root = fullModel(KERAS3, "3.10.0", new String[] {"flatten", "dense", "dense_1"}, "sequential/",
                "");
        root.group("model_weights").group("top_level_model_weights").attribute("weight_names",
                new H5Tree.EmptyArray());
        assertTheMlp(read("k3.h5", root, ReadOptions.none()));
    }

    @Test
    void attributesSplitIntoNumberedChunks() {
        // Keras splits an attribute over 64 KB into name0, name1, ...; here both arrays are split.
        H5Tree.Group split = new H5Tree.Group().attribute("keras_version", "2.2.4").attribute("model_config",
                KERAS224);
        H5Tree.Group sw = split.group("model_weights");
        sw.attribute("layer_names0", List.of("flatten_1", "dense_1")).attribute("layer_names1", List.of("dense_2"));
        sw.group("flatten_1").attribute("weight_names", new H5Tree.EmptyArray());
        for (String[] l : new String[][] {{"dense_1", "dense"}, {"dense_2", "dense_1"}}) {
            H5Tree.Group g = sw.group(l[0]);
            g.attribute("weight_names0", List.of(l[0] + "/kernel:0")).attribute("weight_names1",
                    List.of(l[0] + "/bias:0"));
            Fixtures.put(g.group(l[0]), "kernel:0", W, l[1] + "/kernel");
            Fixtures.put(g.group(l[0]), "bias:0", W, l[1] + "/bias");
        }
        assertTheMlp(read("split.h5", split, ReadOptions.none()));
    }

    @Test
    void layersAreMatchedInLayerNamesOrderNotInTheSortedGroupOrder() {
        String config = KERAS224.replace("dense_1", "z_hidden").replace("dense_2", "a_output");
        // Groups are stored sorted (a_output before z_hidden); only layer_names gives the model's order.
        SavedModel m = read("order.h5", fullModel(config, "2.2.4", new String[] {"flatten_1", "z_hidden",
            "a_output"}, "", ":0"), ReadOptions.none());
        assertTheMlp(m);
    }

    @Test
    void keras2SaveWeightsWithAPresetOrAKerasOrFmnistArchitecture() throws IOException {
        Path file = Fixtures.h5(dir.resolve("weights.h5"), legacyWeights(new H5Tree.Group()
                .attribute("keras_version", "2.6.0").attribute("backend", "tensorflow"),
                new String[] {"flatten", "dense", "dense_1"}, "", ":0"));
        assertTheMlp(ModelFiles.read(file, new ReadOptions("mlp", null)));
        Path keras = Files.writeString(dir.resolve("model.json"), KERAS224);
        assertTheMlp(ModelFiles.read(file, new ReadOptions(keras.toString(), null)));
        Path fmnist = Files.writeString(dir.resolve("mlp.json"), ModelSpec.mlp().toJsonString());
        assertTheMlp(ModelFiles.read(file, new ReadOptions(fmnist.toString(), null)));
        assertThatThrownBy(() -> ModelFiles.read(file)).isInstanceOf(FmnistException.class)
                .hasMessageContaining("weights only").hasMessageContaining("--architecture");
    }

    /** Keras 3's {@code layers/<class>[_n]/vars/<i>} tree (of {@code .weights.h5} and {@code model.weights.h5}). */
    private static H5Tree.Group v3Weights(String layers, String prefix) {
        H5Tree.Group root = new H5Tree.Group();
        root.group("vars");
        H5Tree.Group base = root;
        for (String part : prefix.split("/")) {
            if (!part.isEmpty()) {
                base = base.group(part);
            }
        }
        base.group(layers).group("flatten").group("vars");
        for (String[] l : new String[][] {{"dense", "dense"}, {"dense_1", "dense_1"}}) {
            H5Tree.Group vars = base.group(layers).group(l[0]).group("vars");
            Fixtures.put(vars, "0", W, l[1] + "/kernel");
            Fixtures.put(vars, "1", W, l[1] + "/bias");
        }
        return root;
    }

    @Test
    void keras3WeightsH5WithAnArchitecture() {
        Path file = Fixtures.h5(dir.resolve("model.weights.h5"), v3Weights("layers", ""));
        assertTheMlp(ModelFiles.read(file, new ReadOptions("mlp", null)));
    }

    @Test
    void keras214ZipWithLayerCheckpointDependencies() {
        Path file = Fixtures.zip(dir.resolve("k214.keras"), Fixtures.keras(KERAS3,
                v3Weights("_layer_checkpoint_dependencies", "")));
        SavedModel m = ModelFiles.read(file);
        assertTheMlp(m);
        assertThat(m.provenance().imported().kerasVersion()).isEqualTo("2.14.0");
    }

    @Test
    void groupNamesWithBackslashesAsSavedOnWindows() {
        H5Tree.Group root = new H5Tree.Group();
        root.group("vars");
        root.group("_layer_checkpoint_dependencies\\flatten").group("vars");
        for (String l : new String[] {"dense", "dense_1"}) {
            H5Tree.Group vars = root.group("_layer_checkpoint_dependencies\\" + l).group("vars");
            Fixtures.put(vars, "0", W, l + "/kernel");
            Fixtures.put(vars, "1", W, l + "/bias");
        }
        assertTheMlp(ModelFiles.read(Fixtures.zip(dir.resolve("windows.keras"), Fixtures.keras(KERAS3, root))));
    }

    @Test
    void aNestedSequentialWithTheSoftmaxAsItsOwnLayerInH5() {
        H5Tree.Group root = new H5Tree.Group().attribute("keras_version", "2.6.0").attribute("model_config", NESTED);
        H5Tree.Group w = root.group("model_weights").attribute("layer_names", List.of("sequential", "softmax"));
        w.group("softmax").attribute("weight_names", new H5Tree.EmptyArray());
        H5Tree.Group seq = w.group("sequential").attribute("weight_names", List.of("dense/kernel:0", "dense/bias:0",
                "dense_1/kernel:0", "dense_1/bias:0"));
        for (String l : new String[] {"dense", "dense_1"}) {
            Fixtures.put(seq.group(l), "kernel:0", W, l + "/kernel");
            Fixtures.put(seq.group(l), "bias:0", W, l + "/bias");
        }
        SavedModel m = ModelFiles.read(Fixtures.h5(dir.resolve("nested.h5"), root));
        assertThat(m.weights().tensors()).extracting(t -> t.data().length).containsExactly(100_352, 128, 1280, 10);
        assertThat(m.spec().layers()).hasSize(4);
        float[] images = Models.synthetic(4);
        assertThat(Models.predict(m, images, 4)).containsExactly(Models.predict(Models.of(ModelSpec.mlp(), 3), images,
                4));
    }

    @Test
    void aNestedSequentialInAKerasZip() {
        Path file = Fixtures.zip(dir.resolve("nested.keras"), Fixtures.keras(NESTED, v3Weights("layers",
                "layers/sequential")));
        SavedModel m = ModelFiles.read(file);
        float[] images = Models.synthetic(4);
        assertThat(Models.predict(m, images, 4)).containsExactly(Models.predict(Models.of(ModelSpec.mlp(), 3), images,
                4));
    }

    @Test
    void anUnsupportedLayerNamesItsKerasClassAndPosition() {
        String config = KERAS224.replace("\"Dense\", \"config\": {\"name\": \"dense_1\"",
                "\"LSTM\", \"config\": {\"name\": \"dense_1\"");
        assertThatThrownBy(() -> read("lstm.h5", fullModel(config, "2.2.4", new String[] {"flatten_1", "dense_1",
            "dense_2"}, "", ":0"), ReadOptions.none())).isInstanceOf(FmnistException.class)
                .hasMessageContaining("LSTM").hasMessageContaining("2").hasMessageNotContaining("\n");
    }
}
