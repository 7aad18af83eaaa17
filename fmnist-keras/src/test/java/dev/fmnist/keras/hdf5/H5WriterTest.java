package dev.fmnist.keras.hdf5;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.api.Group;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HDF5 writer's files read back (through jhdf) with every group, dataset and attribute as written. */
class H5WriterTest {

    static H5Tree.Group sample(int members) {
        H5Tree.Group root = new H5Tree.Group().attribute("model_config", "{\"class_name\": \"Sequential\"}");
        H5Tree.Group weights = root.group("model_weights");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String name = i == 0 ? "dense" : "dense_" + i;
            names.add(name);
            weights.group(name).attribute("weight_names", List.of(name + "/kernel:0"))
                    .group(name).dataset("kernel:0", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, i});
        }
        weights.attribute("layer_names", names);
        weights.group("flatten").attribute("weight_names", new H5Tree.EmptyArray());
        root.group("vars");
        root.group("layers\\dense").group("vars").dataset("0", new int[] {2}, new float[] {7, 8});
        return root;
    }

    @Test
    void readsBackWhatItWrote() {
        byte[] bytes = H5Writer.write(sample(12));
        try (H5File h5 = H5File.open("sample.h5", bytes)) {
            Group root = h5.root();
            assertThat(h5.string(root, "model_config")).contains("{\"class_name\": \"Sequential\"}");
            Group weights = h5.group(root, "model_weights");
            assertThat(h5.strings(weights, "layer_names").orElseThrow()).hasSize(12).startsWith("dense", "dense_1");
            assertThat(h5.childNames(weights)).hasSize(13);
            assertThat(h5.strings(h5.group(weights, "flatten"), "weight_names")).contains(List.of());
            FloatArray k = h5.floats(h5.find(weights, "dense_11/dense_11/kernel:0").orElseThrow());
            assertThat(k.shape()).containsExactly(2, 3);
            assertThat(k.values()).containsExactly(1, 2, 3, 4, 5, 11);
            assertThat(h5.floats(h5.find(root, "layers/dense/vars/0").orElseThrow()).values()).containsExactly(7, 8);
        }
    }

    @Test
    void writesEveryMemberOfLargeGroups() {
        byte[] bytes = H5Writer.write(sample(60));
        try (H5File h5 = H5File.open("large.h5", bytes)) {
            assertThat(h5.childNames(h5.group(h5.root(), "model_weights"))).hasSize(61);
        }
    }

    /** Writes the sample for a manual check with h5py: {@code -Dh5.sample=/tmp/x.h5}. */
    @Test
    void writesASampleWhenAsked() throws Exception {
        String target = System.getProperty("h5.sample");
        if (target != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(target), H5Writer.write(sample(12)));
        }
        assertThat(H5Writer.write(sample(1))).startsWith(H5File.SIGNATURE);
    }
}
