package dev.fmnist.keras.write;

import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.keras.config.KerasLayer;
import dev.fmnist.keras.config.SpecToKeras;
import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.keras.hdf5.H5Tree;
import dev.fmnist.keras.hdf5.H5Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a model as Keras 2's {@code model.save('x.h5')} does, so {@code keras.models.load_model} opens it:
 * root attributes {@code keras_version}, {@code backend}, {@code model_config} and {@code training_config};
 * {@code /model_weights} with {@code layer_names} in model order, and per layer {@code weight_names}
 * ({@code dense/kernel:0}, ...) naming datasets at {@code /model_weights/dense/dense/kernel:0}; a layer without
 * weights has an empty float64 {@code weight_names}, as h5py stores Keras's empty list. No optimizer state.
 */
public final class H5ModelWriter {
    /** The Keras version the file claims: the layout is that of Keras 2.6. */
    public static final String KERAS_VERSION = "2.6.0";

    private H5ModelWriter() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(Path path, SavedModel model) {
        AtomicFiles.write(path, bytes(model));
    }

    /** The file's bytes. */
    public static byte[] bytes(SavedModel model) {
        KerasLayer keras = SpecToKeras.toKeras(model.spec());
        List<LayerTensors> layers = LayerTensors.of(keras, model.weights());
        H5Tree.Group file = new H5Tree.Group();
        file.attribute("keras_version", KERAS_VERSION);
        file.attribute("backend", "tensorflow");
        file.attribute("model_config", Json.write(KerasJson.keras2ModelConfig(keras,
                SpecToKeras.dims(model.spec().inputShape()))));
        file.attribute("training_config", Json.write(KerasJson.keras2TrainingConfig(model.provenance().config())));
        H5Tree.Group weights = file.group("model_weights");
        List<String> names = new ArrayList<>();
        for (LayerTensors l : layers) {
            names.add(l.layer().name());
        }
        weights.attribute("layer_names", names);
        weights.attribute("backend", "tensorflow");
        weights.attribute("keras_version", KERAS_VERSION);
        for (LayerTensors l : layers) {
            H5Tree.Group group = weights.group(l.layer().name());
            if (l.tensors().isEmpty()) {
                group.attribute("weight_names", new H5Tree.EmptyArray());
                continue;
            }
            H5Tree.Group inner = group.group(l.layer().name());
            List<String> weightNames = new ArrayList<>();
            for (Tensor t : l.tensors()) {
                String variable = LayerTensors.variable(t) + ":0";
                weightNames.add(l.layer().name() + "/" + variable);
                inner.dataset(variable, t.shape(), t.data());
            }
            group.attribute("weight_names", weightNames);
        }
        return H5Writer.write(file);
    }
}
