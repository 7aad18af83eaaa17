package dev.fmnist.keras.container;

import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.keras.hdf5.H5File;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Weights in the legacy HDF5 layout: {@code model.save('x.h5')}'s {@code /model_weights} (Keras 1, 2 and
 * Keras 3's legacy path) and Keras 2's {@code save_weights('x.h5')} root. Read as Keras's
 * {@code load_weights_from_hdf5_group} does: by order, not by name. It walks {@code layer_names} (model order,
 * while the groups themselves are stored sorted), keeps the layers whose {@code weight_names} is not empty
 * (an empty float64 array, or missing, means none), and takes each layer's datasets in {@code weight_names}
 * order, whether named {@code dense/kernel:0} (Keras 2) or by variable path {@code sequential/dense/kernel}
 * (Keras 3).
 */
public final class LegacyWeights {
    private LegacyWeights() {
    }

    /** Whether a group holds legacy weights (it has {@code layer_names}). */
    public static boolean isLegacy(H5File h5, Group group) {
        return h5.hasAttribute(group, "layer_names");
    }

    /** The layers with weights, in model order. */
    public static List<LayerArrays> read(H5File h5, Group group) {
        List<String> layerNames = h5.strings(group, "layer_names").orElseThrow(() ->
                new ModelFormatException(h5.label() + " has no layer_names in " + group.getPath()));
        List<LayerArrays> layers = new ArrayList<>();
        for (String name : layerNames) {
            Group layer = h5.group(group, name);
            List<String> weightNames = h5.strings(layer, "weight_names").orElse(List.of());
            if (weightNames.isEmpty()) {
                continue;
            }
            List<Node> nodes = new ArrayList<>();
            for (String weight : weightNames) {
                nodes.add(h5.find(layer, weight).orElseThrow(() -> new ModelFormatException(h5.label()
                        + ": layer '" + name + "' lists weight '" + weight + "' but has no such dataset")));
            }
            layers.add(new LayerArrays(name, nodes.stream().map(h5::floats).toList()));
        }
        checkTopLevel(h5, group);
        return layers;
    }

    /** Keras 3 adds a {@code top_level_model_weights} group; a Sequential has no weights of its own there. */
    private static void checkTopLevel(H5File h5, Group group) {
        Node top = h5.find(group, "top_level_model_weights").orElse(null);
        if (top != null && !h5.strings(top, "weight_names").orElse(List.of()).isEmpty()) {
            throw new ModelFormatException(h5.label() + " has model-level weights (top_level_model_weights), "
                    + "which only custom models have; fmnist reads Sequential models");
        }
    }
}
