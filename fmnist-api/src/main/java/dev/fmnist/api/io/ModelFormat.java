package dev.fmnist.api.io;

import java.nio.file.Path;
import java.util.List;

/**
 * A model file format other modules can add (Keras files, ONNX, ...), found by {@link java.util.ServiceLoader}
 * from {@code META-INF/services/dev.fmnist.api.io.ModelFormat}. {@link ModelFiles} asks each format whether it
 * recognises a file's first bytes, so every front end that loads models through it (the CLI, a server, an
 * embedding application) reads every installed format without depending on the module that provides it.
 * Implementations must be cheap to construct and thread-safe.
 */
public interface ModelFormat {

    /** A short name shown to users, such as {@code "keras-h5"}. */
    String name();

    /** The file name endings it writes, such as {@code ".h5"}; empty when it only reads. */
    List<String> extensions();

    /**
     * Whether this format reads a file that starts with these bytes (at most {@link ModelFiles#HEAD_BYTES};
     * fewer when the file is shorter). Decide from the content; the path is a hint only.
     */
    boolean recognizes(byte[] head, Path path);

    /**
     * Reads a file this format recognised, or one no format recognised whose name has this format's extension
     * (then the format says what is wrong with it).
     *
     * @throws dev.fmnist.api.error.ModelFormatException for a corrupt, truncated or unsupported file (one line)
     * @throws dev.fmnist.api.error.StorageException if it cannot be read
     */
    SavedModel read(Path path, ReadOptions options);

    /**
     * Writes a model atomically (through {@link AtomicFiles}).
     *
     * @throws dev.fmnist.api.error.UnsupportedModelException if the format cannot express the model
     * @throws UnsupportedOperationException if this format only reads
     */
    void write(Path path, SavedModel model);
}
