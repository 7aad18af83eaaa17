package dev.fmnist.data.locate;

import dev.fmnist.api.error.DataUnavailableException;
import dev.fmnist.data.files.DataFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory holding the four Fashion-MNIST files, and how it was found.
 *
 * @param directory the directory
 * @param source how it was chosen, e.g. {@code --data}, {@code FMNIST_DATA}, {@code ~/.fmnist/data}
 */
public record DataLocation(Path directory, String source) {

    /** The file for {@code file} in {@code dir}: the gzip name, or the raw name if only that exists. */
    public static Path resolve(Path dir, DataFile file) {
        Path gz = dir.resolve(file.fileName());
        Path raw = dir.resolve(file.rawName());
        return !Files.exists(gz) && Files.exists(raw) ? raw : gz;
    }

    /** Whether {@code dir} is a directory holding all four files. */
    public static boolean isComplete(Path dir) {
        return Files.isDirectory(dir) && missing(dir).isEmpty();
    }

    /** The files of the four that {@code dir} lacks. */
    public static List<String> missing(Path dir) {
        List<String> out = new ArrayList<>();
        for (DataFile f : DataFile.ALL) {
            if (!Files.isRegularFile(resolve(dir, f))) {
                out.add(f.fileName());
            }
        }
        return out;
    }

    /** @throws DataUnavailableException if {@code dir} is a file or does not exist, saying which */
    public static void requireDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataUnavailableException("data directory " + dir + " is not a directory (it is a file); "
                    + "--data takes the directory holding the four files");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataUnavailableException("data directory " + dir + " does not exist; "
                    + DataLocator.HOW_TO_GET);
        }
    }

    /** @throws DataUnavailableException naming the missing files */
    public static void requireComplete(Path dir) {
        requireDirectory(dir);
        List<String> missing = missing(dir);
        if (!missing.isEmpty()) {
            throw new DataUnavailableException("data directory " + dir + " lacks " + String.join(", ", missing)
                    + "; " + DataLocator.HOW_TO_GET);
        }
    }
}
