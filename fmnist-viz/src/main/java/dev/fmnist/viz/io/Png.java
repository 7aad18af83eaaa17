package dev.fmnist.viz.io;

import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import javax.imageio.ImageIO;

/** Encodes pictures as PNG: bytes, files written atomically, and {@code data:} URIs. */
public final class Png {
    private static final String DATA_URI_PREFIX = "data:image/png;base64,";

    private Png() {
    }

    /** The image encoded as PNG. */
    public static byte[] encode(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            // Writing to memory cannot fail with I/O; an exception here is a bug.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the image to {@code target} as PNG: to a temporary file beside it, then moved into place, so a
     * reader never sees half a picture. Parent directories are created.
     *
     * @throws StorageException naming the path if it cannot be written
     */
    public static void write(BufferedImage image, Path target) {
        AtomicFiles.write(target, encode(image));
    }

    /** The image as a {@code data:image/png;base64,...} URI for embedding in HTML. */
    public static String dataUri(BufferedImage image) {
        return dataUri(encode(image));
    }

    /** PNG bytes as a {@code data:image/png;base64,...} URI. */
    public static String dataUri(byte[] png) {
        return DATA_URI_PREFIX + Base64.getEncoder().encodeToString(png);
    }
}
