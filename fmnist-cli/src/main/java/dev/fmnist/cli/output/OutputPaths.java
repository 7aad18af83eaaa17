package dev.fmnist.cli.output;

import dev.fmnist.api.error.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work, that an output can be written: training for five minutes and then failing to
 * save is the worst way to learn that a directory is read-only.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Checks that {@code file} could be created or replaced.
     *
     * @throws StorageException naming the file and the reason
     */
    public static void checkWritableFile(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new StorageException("cannot write " + file + ": it is a directory");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new StorageException("cannot write " + file + ": permission denied");
        }
        checkWritableDirectory(absolute.getParent(), file);
    }

    /**
     * Checks that files could be written into {@code dir} (created if missing).
     *
     * @throws StorageException naming the directory and the reason
     */
    public static void checkWritableDirectory(Path dir, Path named) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new StorageException("cannot write " + named + ": no existing parent directory");
        }
        if (!Files.isDirectory(existing)) {
            throw new StorageException("cannot write " + named + ": " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new StorageException("cannot write " + named + ": directory " + existing + " is not writable");
        }
    }
}
