package dev.fmnist.keras.write;

import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.json.Json;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.keras.config.KerasLayer;
import dev.fmnist.keras.config.SpecToKeras;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a model as Keras 2's {@code model.save('x.h5')} does, so {@code keras.models.load_model} opens it:
 * root attributes {@code keras_version}, {@code backend}, {@code model_config} and {@code training_config};
 * {@code /model_weights} with {@code layer_names} in model order, and per layer {@code weight_names}
 * ({@code dense/kernel:0}, ...) naming datasets at {@code /model_weights/dense/dense/kernel:0}. A layer without
 * weights gets a group and no {@code weight_names} (Keras reads a missing one as empty; jhdf cannot write the
 * empty array Keras itself writes). No optimizer state.
 */
public final class H5ModelWriter {
    /** The Keras version the file claims: the layout is that of Keras 2.6. */
    public static final String KERAS_VERSION = "2.6.0";

    private H5ModelWriter() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(Path path, SavedModel model) {
        KerasLayer keras = SpecToKeras.toKeras(model.spec());
        List<LayerTensors> layers = LayerTensors.of(keras, model.weights());
        H5Output.write(path, file -> {
            file.putAttribute("backend", "tensorflow");
            file.putAttribute("keras_version", KERAS_VERSION);
            file.putAttribute("model_config", Json.write(KerasJson.keras2ModelConfig(keras,
                    SpecToKeras.inputShape())));
            file.putAttribute("training_config", Json.write(KerasJson.keras2TrainingConfig(
                    model.provenance().config())));
            WritableGroup weights = file.putGroup("model_weights");
            List<String> names = new ArrayList<>();
            for (LayerTensors l : layers) {
                names.add(l.layer().name());
            }
            weights.putAttribute("backend", "tensorflow");
            weights.putAttribute("keras_version", KERAS_VERSION);
            weights.putAttribute("layer_names", names.toArray(String[]::new));
            for (LayerTensors l : layers) {
                WritableGroup group = weights.putGroup(l.layer().name());
                if (l.tensors().isEmpty()) {
                    continue;
                }
                WritableGroup inner = group.putGroup(l.layer().name());
                List<String> weightNames = new ArrayList<>();
                for (Tensor t : l.tensors()) {
                    String variable = LayerTensors.variable(t) + ":0";
                    weightNames.add(l.layer().name() + "/" + variable);
                    inner.putDataset(variable, NestedArrays.of(t.data(), t.shape()));
                }
                group.putAttribute("weight_names", weightNames.toArray(String[]::new));
            }
        });
    }
}
