package dev.fmnist.keras.testing;

import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.keras.hdf5.H5Tree;
import dev.fmnist.keras.hdf5.H5Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the file variants Keras has produced, from trees and zip members built by tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Writes an HDF5 tree. */
    public static Path h5(Path file, H5Tree.Group root) {
        try {
            Files.write(file, H5Writer.write(root));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a zip of the given members, in order (stored, as Keras writes them). */
    public static Path zip(Path file, Map<String, byte[]> members) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey()));
                zip.write(m.getValue());
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The members of a {@code .keras} file: metadata, config and weights. */
    public static Map<String, byte[]> keras(String config, H5Tree.Group weights) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("metadata.json", "{\"keras_version\": \"2.14.0\", \"date_saved\": \"2023-10-01@10:00:00\"}"
                .getBytes(StandardCharsets.UTF_8));
        m.put("config.json", config.getBytes(StandardCharsets.UTF_8));
        m.put("model.weights.h5", H5Writer.write(weights));
        return m;
    }

    /** Puts a tensor of the weights in a group as a dataset. */
    public static void put(H5Tree.Group group, String name, Weights weights, String tensor) {
        Tensor t = weights.get(tensor);
        group.dataset(name, t.shape(), t.data());
    }
}
