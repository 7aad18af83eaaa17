package dev.fmnist.data.testing;

import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.data.files.DataFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tiny IDX files (valid or deliberately broken) for tests. */
public final class IdxFixtures {
    private IdxFixtures() {
    }

    /** The bytes of an IDX image file with the given header and pixels. */
    public static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The bytes of an IDX label file. */
    public static byte[] labels(int magic, int count, byte[] labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.write(labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Gzip-compresses bytes. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes {@code train} and {@code test} as the four gzip IDX files into {@code dir}, named as
     * Fashion-MNIST names them.
     */
    public static void writeDataset(Path dir, Dataset train, Dataset test) {
        try {
            Files.createDirectories(dir);
            write(dir, DataFile.TRAIN_IMAGES, DataFile.TRAIN_LABELS, train);
            write(dir, DataFile.TEST_IMAGES, DataFile.TEST_LABELS, test);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path dir, DataFile imagesFile, DataFile labelsFile, Dataset data) throws IOException {
        byte[] pixels = new byte[data.size() * Images.PIXELS];
        byte[] labels = new byte[data.size()];
        for (int i = 0; i < data.size(); i++) {
            data.copyImage(i, pixels, i * Images.PIXELS);
            labels[i] = (byte) data.label(i);
        }
        Files.write(dir.resolve(imagesFile.fileName()), gzip(images(0x803, data.size(), 28, 28, pixels)));
        Files.write(dir.resolve(labelsFile.fileName()), gzip(labels(0x801, data.size(), labels)));
    }
}
