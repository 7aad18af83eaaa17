package dev.fmnist.api.io;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.json.Json;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.keras.KerasModelConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a model description comes from on the command line ({@code --model}): a preset name
 * ({@link ModelSpec#PRESETS}), a JSON file (fmnist's own, {@link ModelSpec#toJson()}, or Keras's
 * {@code model.to_json()}, told apart by Keras's top-level {@code class_name}), or a {@code .fmnist} model
 * file (its description).
 */
public final class ModelDescriptions {
    private static final long MAX_JSON = 16 << 20;

    private ModelDescriptions() {
    }

    /**
     * The description named by {@code presetOrFile}; relative paths resolve against {@code base}.
     *
     * @throws InvalidInputException for an unknown preset or an invalid description (naming the file)
     */
    public static ModelSpec resolve(String presetOrFile, Path base) {
        if (ModelSpec.PRESETS.contains(presetOrFile)) {
            return ModelSpec.preset(presetOrFile);
        }
        Path path = base.resolve(presetOrFile);
        if (presetOrFile.endsWith(ModelFile.EXTENSION)) {
            return ModelFile.read(path).spec();
        }
        if (presetOrFile.endsWith(".json") || Files.isRegularFile(path)) {
            return readJson(path);
        }
        throw new InvalidInputException("unknown model '" + presetOrFile + "'; known: " + ModelSpec.PRESETS
                + ", or a .json description or .fmnist model file");
    }

    /** Reads fmnist's or Keras's JSON description from a file. */
    public static ModelSpec readJson(Path path) {
        String text;
        try {
            if (Files.size(path) > MAX_JSON) {
                throw new InvalidInputException(path + " is too large for a model description");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StorageException("model description " + path + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot read model description " + path + ": " + AtomicFiles.describe(e), e);
        }
        try {
            Map<String, Object> json = Json.parseObject(text);
            return KerasModelConfig.isKeras(json) ? KerasModelConfig.toSpec(json) : ModelSpec.fromJson(json);
        } catch (FmnistException e) {
            throw new InvalidInputException(path + ": " + e.getMessage(), e);
        }
    }
}
