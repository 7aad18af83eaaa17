package dev.fmnist.keras;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.model.ImportSource;
import dev.fmnist.api.model.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** What every Keras import shares: reading the file within a bound, and the imported model's provenance. */
final class KerasImport {
    /** Largest Keras file read. */
    static final long MAX_FILE = 1L << 30;
    /** The backend name an imported model's provenance records. */
    static final String KERAS = "keras";

    private KerasImport() {
    }

    /** The file's bytes, refusing files over {@link #MAX_FILE}. */
    static byte[] bytes(Path path) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE) {
                throw new ModelFormatException(path + " is " + size + " bytes, more than the " + MAX_FILE
                        + " a Keras model file may have here");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new StorageException("model file " + path + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot read model file " + path + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Lower-case hex SHA-256. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Provenance of a model imported now from a Keras file. */
    static Provenance provenance(Path path, String sha256, String format, String kerasVersion, String kerasBackend,
            String trainingConfig) {
        Instant now = Instant.now();
        ImportSource source = new ImportSource(String.valueOf(path.getFileName()), sha256, format,
                kerasVersion == null ? "unknown" : kerasVersion, kerasBackend == null ? "unknown" : kerasBackend,
                trainingConfig, now);
        return new Provenance(KERAS, source.kerasVersion(), Fmnist.VERSION, trainingConfig(trainingConfig),
                "unknown (trained by Keras)", "unknown", Map.of(), now,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), true, 0, source);
    }

    /** fmnist's defaults, with the learning rate of the file's Adam when it has one. */
    static TrainingConfig trainingConfig(String json) {
        TrainingConfig config = TrainingConfig.defaults();
        if (json == null) {
            return config;
        }
        try {
            if (Json.parse(json) instanceof Map<?, ?> m && m.get("optimizer_config") instanceof Map<?, ?> o
                    && "Adam".equals(o.get("class_name")) && o.get("config") instanceof Map<?, ?> c
                    && c.get("learning_rate") instanceof Number lr && lr.doubleValue() > 0) {
                return config.withLearningRate(Double.parseDouble(Float.toString(lr.floatValue())));
            }
        } catch (RuntimeException e) {
            // A training configuration fmnist cannot read is kept as text in the provenance only.
        }
        return config;
    }
}
