package dev.fmnist.keras;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.io.ModelFormat;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.History;
import dev.fmnist.keras.container.KerasArchive;
import dev.fmnist.keras.hdf5.H5File;
import dev.fmnist.keras.container.V3Weights;
import dev.fmnist.keras.mapping.WeightMapping;
import dev.fmnist.keras.write.KerasZipWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code .keras} zip (Keras 3, and Keras 2.13-2.14), recognised by the zip signature:
 * {@code config.json} gives the network, {@code model.weights.h5} the weights, {@code metadata.json} the Keras
 * version. Writes {@code .keras} as Keras 3 does.
 */
public final class KerasZipFormat implements ModelFormat {
    /** This format's name. */
    public static final String NAME = "keras";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of(".keras");
    }

    @Override
    public boolean recognizes(byte[] head, Path path) {
        return KerasArchive.isZip(head);
    }

    @Override
    public SavedModel read(Path path, ReadOptions options) {
        byte[] bytes = KerasImport.bytes(path);
        KerasArchive archive = KerasArchive.read(path);
        Architecture architecture = options.architecture() != null ? Architecture.resolve(options.architecture())
                : Architecture.ofKerasJson(archive.config(), path.toString());
        String label = path + "!model.weights.h5";
        Weights weights;
        try (H5File h5 = H5File.open(label, archive.weights())) {
            weights = WeightMapping.toWeights(architecture.spec(), V3Weights.read(h5, architecture.keras()), label);
        }
        String version = null;
        if (!archive.metadata().isBlank()) {
            try {
                Map<String, Object> meta = Json.parseObject(archive.metadata());
                version = meta.get("keras_version") instanceof String s ? s : null;
            } catch (FmnistException e) {
                version = null;
            }
        }
        Provenance provenance = KerasImport.provenance(path, KerasImport.sha256(bytes), NAME, version, null,
                trainingConfig(archive.config()));
        return new SavedModel(InputRanges.apply(architecture.spec(), options), weights, provenance, History.empty());
    }

    /** Keras 3 keeps the compile settings in config.json's {@code compile_config}. */
    private static String trainingConfig(String config) {
        try {
            Object compile = Json.parseObject(config).get("compile_config");
            return compile instanceof Map<?, ?> ? Json.write(compile) : null;
        } catch (FmnistException e) {
            return null;
        }
    }

    @Override
    public void write(Path path, SavedModel model) {
        KerasZipWriter.write(path, model);
    }
}
