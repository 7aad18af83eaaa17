package dev.fmnist.spark.runtime;

import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.ModelFile;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model file's bytes as read once on the driver, to be broadcast to the executors. The bytes are the
 * portable model file itself (never a Java-serialised model); the SHA-256 names the model in each
 * executor's cache.
 *
 * @param name the file's name, for messages
 * @param sha256 the SHA-256 of the bytes
 * @param bytes the model file
 */
public record ModelBlob(String name, String sha256, byte[] bytes) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Reads a model file and checks it on the driver, so a file that is not a model fails before any
     * task starts.
     *
     * @throws StorageException if it cannot be read
     * @throws dev.fmnist.api.error.ModelFormatException if it is not a valid model file
     */
    public static ModelBlob read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException("model file " + file + " does not exist or is not a regular file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            ModelFile.decode(bytes);
            return of(file.getFileName().toString(), bytes);
        } catch (IOException e) {
            throw new StorageException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Wraps bytes already in memory. */
    public static ModelBlob of(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new ModelBlob(name, HexFormat.of().formatHex(digest), bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
