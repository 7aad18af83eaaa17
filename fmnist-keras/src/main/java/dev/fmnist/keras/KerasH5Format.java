package dev.fmnist.keras;

import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.io.ModelFormat;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.History;
import dev.fmnist.keras.container.LayerArrays;
import dev.fmnist.keras.container.LegacyWeights;
import dev.fmnist.keras.container.V3Weights;
import dev.fmnist.keras.hdf5.H5File;
import dev.fmnist.keras.mapping.WeightMapping;
import dev.fmnist.keras.write.H5ModelWriter;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.List;

/**
 * Keras's HDF5 files, recognised by the HDF5 signature: {@code model.save('x.h5')} (Keras 1, 2 and Keras 3's
 * legacy format: architecture and weights), Keras 2's {@code save_weights('x.h5')} and Keras 3's
 * {@code .weights.h5} (weights only: the architecture comes from {@link ReadOptions#architecture()}). Writes
 * {@code .h5} as Keras 2's {@code model.save} does.
 */
public final class KerasH5Format implements ModelFormat {
    /** This format's name. */
    public static final String NAME = "keras-h5";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of(".h5", ".hdf5");
    }

    @Override
    public boolean recognizes(byte[] head, Path path) {
        return H5File.isHdf5(head);
    }

    @Override
    public SavedModel read(Path path, ReadOptions options) {
        byte[] bytes = KerasImport.bytes(path);
        String label = path.toString();
        try (H5File h5 = H5File.open(label, bytes)) {
            Group root = h5.root();
            String version = h5.string(root, "keras_version").orElse(null);
            String backend = h5.string(root, "backend").orElse(null);
            String trainingConfig = h5.string(root, "training_config").orElse(null);
            Architecture architecture;
            List<LayerArrays> layers;
            String kind;
            if (h5.hasAttribute(root, "model_config")) {
                architecture = options.architecture() != null ? Architecture.resolve(options.architecture())
                        : Architecture.ofKerasJson(h5.string(root, "model_config").orElseThrow(), label);
                Group weights = h5.group(root, "model_weights");
                version = version != null ? version : h5.string(weights, "keras_version").orElse(null);
                backend = backend != null ? backend : h5.string(weights, "backend").orElse(null);
                layers = LegacyWeights.read(h5, weights);
                kind = "model.save";
            } else if (LegacyWeights.isLegacy(h5, root)) {
                architecture = Architecture.resolve(required(options, label, "Keras 2 save_weights"));
                layers = LegacyWeights.read(h5, root);
                kind = "save_weights";
            } else if (V3Weights.isV3(h5)) {
                architecture = Architecture.resolve(required(options, label, "Keras 3 .weights.h5"));
                layers = V3Weights.read(h5, architecture.keras());
                kind = "weights.h5";
            } else {
                throw new ModelFormatException(label + " is an HDF5 file but not a Keras model or weights file "
                        + "(no model_config, layer_names or layers group)");
            }
            Weights weights = WeightMapping.toWeights(architecture.spec(), layers, label);
            Provenance provenance = KerasImport.provenance(path, KerasImport.sha256(bytes), NAME + " (" + kind + ")",
                    version, backend, trainingConfig);
            return new SavedModel(InputRanges.apply(architecture.spec(), options), weights, provenance,
                    History.empty());
        }
    }

    private static String required(ReadOptions options, String label, String what) {
        if (options.architecture() == null) {
            throw new ModelFormatException(label + " holds weights only (" + what + "); give the network with "
                    + "--architecture PRESET|FILE.json");
        }
        return options.architecture();
    }

    @Override
    public void write(Path path, SavedModel model) {
        H5ModelWriter.write(path, model);
    }
}
