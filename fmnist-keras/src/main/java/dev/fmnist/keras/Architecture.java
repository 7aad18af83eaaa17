package dev.fmnist.keras;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.keras.KerasModelConfig;
import dev.fmnist.keras.config.KerasLayer;
import dev.fmnist.keras.config.KerasLayerTree;
import dev.fmnist.keras.config.SpecToKeras;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A network both as fmnist describes it and as Keras lays out its layers (which locates the weights).
 *
 * @param spec the fmnist description
 * @param keras the Keras model it corresponds to
 */
record Architecture(ModelSpec spec, KerasLayer keras) {
    private static final long MAX_JSON = 16L << 20;

    /**
     * From a Keras model configuration's JSON text; {@code label} names its file in errors.
     *
     * @throws ModelFormatException naming the file and the Keras layer fmnist cannot run
     */
    static Architecture ofKerasJson(String json, String label) {
        try {
            KerasLayer model = KerasLayerTree.parse(json);
            return new Architecture(KerasModelConfig.toSpec(Json.parseObject(json)), model);
        } catch (FmnistException e) {
            throw new ModelFormatException(label + ": " + e.getMessage(), e);
        }
    }

    /** From an fmnist description. */
    static Architecture ofSpec(ModelSpec spec) {
        return new Architecture(spec, SpecToKeras.toKeras(spec));
    }

    /**
     * What {@code --architecture} names: a JSON file (fmnist's description or Keras's {@code to_json()}), else
     * a preset.
     */
    static Architecture resolve(String architecture) {
        Path file = Path.of(architecture);
        if (!Files.isRegularFile(file)) {
            if (architecture.endsWith(".json")) {
                throw new StorageException("architecture file " + architecture + " does not exist");
            }
            return ofSpec(ModelSpec.preset(architecture));
        }
        String text;
        try {
            if (Files.size(file) > MAX_JSON) {
                throw new InvalidInputException("architecture file " + file + " is too large for a model description");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new StorageException("cannot read architecture file " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<String, Object> json = Json.parseObject(text);
            return KerasModelConfig.isKeras(json) ? ofKerasJson(text, file.toString())
                    : ofSpec(ModelSpec.fromJson(json));
        } catch (FmnistException e) {
            throw new InvalidInputException("architecture file " + file + ": " + e.getMessage(), e);
        }
    }
}
