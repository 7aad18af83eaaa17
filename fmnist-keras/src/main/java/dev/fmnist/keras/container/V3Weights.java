package dev.fmnist.keras.container;

import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.keras.config.KerasLayer;
import dev.fmnist.keras.config.KerasNames;
import dev.fmnist.keras.hdf5.FloatArray;
import dev.fmnist.keras.hdf5.H5File;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weights in Keras 3's layout ({@code model.weights.h5} inside a {@code .keras} file, and {@code .weights.h5}):
 * {@code layers/<name>/vars/0, 1, ...} where {@code <name>} is the layer's class in snake case, with
 * {@code _1, _2, ...} for repeats of a class within the same model (so the second Dense is {@code dense_1}
 * whatever its own name), nested models nesting ({@code layers/sequential/layers/dense}). As in Keras's
 * {@code H5Entry}, a file written by Keras 2.13-2.14 has {@code _layer_checkpoint_dependencies} where Keras 3
 * has {@code layers}, and group names with backslashes (written on Windows) are read as paths.
 */
public final class V3Weights {
    private static final String LAYERS = "layers";
    private static final String LEGACY_LAYERS = "_layer_checkpoint_dependencies";
    private static final int MAX_VARS = 64;

    private V3Weights() {
    }

    /** Whether a file's root looks like this layout. */
    public static boolean isV3(H5File h5) {
        Group root = h5.root();
        return h5.find(root, LAYERS).isPresent() || h5.find(root, LEGACY_LAYERS).isPresent()
                || h5.childNames(root).stream().anyMatch(n -> n.startsWith(LEGACY_LAYERS + "\\"));
    }

    /** The weights of every leaf layer of {@code model}, in model order (empty lists for layers without). */
    public static List<LayerArrays> read(H5File h5, KerasLayer model) {
        List<LayerArrays> out = new ArrayList<>();
        walk(h5, model, "", out);
        return out;
    }

    private static void walk(H5File h5, KerasLayer container, String prefix, List<LayerArrays> out) {
        Map<String, Integer> used = new HashMap<>();
        for (KerasLayer layer : container.layers()) {
            String name = KerasNames.snakeCase(layer.className());
            Integer seen = used.get(name);
            used.put(name, seen == null ? 0 : seen + 1);
            String path = (prefix.isEmpty() ? "" : prefix + "/") + LAYERS + "/" + (seen == null ? name
                    : name + "_" + (seen + 1));
            if (layer.isContainer()) {
                walk(h5, layer, path, out);
            } else {
                out.add(new LayerArrays(layer.name() + " (" + path + ")", vars(h5, path)));
            }
        }
    }

    private static List<FloatArray> vars(H5File h5, String path) {
        Optional<Node> vars = h5.find(h5.root(), path + "/vars");
        if (vars.isEmpty()) {
            vars = h5.find(h5.root(), path.replace(LAYERS, LEGACY_LAYERS) + "/vars");
        }
        if (vars.isEmpty()) {
            return List.of();
        }
        if (!(vars.get() instanceof Group group)) {
            throw new ModelFormatException(h5.label() + ": " + path + "/vars is not a group");
        }
        List<FloatArray> arrays = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<Node> v = h5.find(group, Integer.toString(i));
            if (v.isEmpty()) {
                break;
            }
            if (i >= MAX_VARS) {
                throw new ModelFormatException(h5.label() + ": " + path + " has too many variables");
            }
            arrays.add(h5.floats(v.get()));
        }
        return arrays;
    }
}
