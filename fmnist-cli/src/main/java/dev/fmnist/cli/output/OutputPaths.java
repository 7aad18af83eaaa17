package dev.fmnist.cli.output;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks, before any work, that an output can be written: training for five minutes and then failing to
 * save is the worst way to learn that a directory is read-only.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Checks that a picture output is named {@code .png}: PNG is what is written, and PNG bytes under a
     * {@code .jpg} name mislead every program that trusts the name.
     *
     * @throws InvalidInputException naming the option and the file
     */
    public static void checkPngName(String option, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new InvalidInputException(option + " " + file + ": pictures are written as PNG only; name the file "
                    + "*.png");
        }
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

    /**
     * Refuses an output that is one of the command's inputs (the same file, whatever the spelling: links,
     * {@code ..}, relative or absolute), so that no command can replace what it reads.
     *
     * @throws InvalidInputException naming the output and the input it would replace
     */
    public static void checkNotAnInput(Path output, Collection<Path> inputs) {
        for (Path input : inputs) {
            if (input != null && sameFile(output, input)) {
                throw new InvalidInputException("refusing to write " + output + ": it is also an input of this "
                        + "command (" + input + "); choose another output file");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (!Files.exists(a) || !Files.exists(b)) {
            return false; // a file that does not exist yet is nobody's input
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
