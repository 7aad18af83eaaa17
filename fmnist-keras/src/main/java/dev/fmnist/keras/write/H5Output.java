package dev.fmnist.keras.write;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** An HDF5 file built with jhdf and moved into place atomically (jhdf writes only to a path). */
final class H5Output {
    private H5Output() {
    }

    /** The bytes of an HDF5 file built by {@code content}. */
    static byte[] bytes(Consumer<WritableHdfFile> content) {
        Path temp = null;
        try {
            temp = Files.createTempFile("fmnist-", ".h5");
            try (WritableHdfFile file = HdfFile.write(temp)) {
                content.accept(file);
            }
            return Files.readAllBytes(temp);
        } catch (IOException e) {
            throw new StorageException("cannot write a temporary HDF5 file: " + AtomicFiles.describe(e), e);
        } catch (RuntimeException e) {
            if (e instanceof FmnistException) {
                throw e;
            }
            throw new StorageException("cannot write HDF5: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless.
                }
            }
        }
    }

    /** Writes an HDF5 file atomically. */
    static void write(Path path, Consumer<WritableHdfFile> content) {
        AtomicFiles.write(path, bytes(content));
    }
}
