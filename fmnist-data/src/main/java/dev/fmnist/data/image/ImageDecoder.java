package dev.fmnist.data.image;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes picture files safely: the dimensions come from the header and are checked before any pixel is
 * decoded (a small file may declare gigapixels), a decoder's warning (such as JPEG's "premature end of
 * file", which the JDK otherwise papers over with grey) is an error, and the EXIF orientation is applied so
 * the picture comes out upright. Readers are the JDK's (PNG, JPEG, GIF, BMP) and TwelveMonkeys' (JPEG
 * including CMYK/YCCK and Adobe variants, TIFF, WebP), found by ImageIO's plugin registry.
 */
final class ImageDecoder {
    static {
        // Registers TwelveMonkeys' readers even when ImageIO was first used from another class loader.
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** A decoded picture, turned upright. */
    record Decoded(BufferedImage image, Orientation orientation, String format) {
    }

    Decoded read(Path file) {
        if (!Files.exists(file)) {
            throw new StorageException("image file " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidDataException(file + " is a directory, not an image file");
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO would block forever, a device would be read without end.
            throw new InvalidDataException(file + " is not a regular file (a pipe, device or socket)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new StorageException("cannot read image file " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidDataException(file + " is not an image file fmnist can read ("
                        + ImagePreprocessor.FORMATS + ")");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName();
                Orientation orientation = OrientationReader.read(in, format);
                reader.setInput(in, true, false);
                checkSize(file, reader.getWidth(0), reader.getHeight(0));
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new InvalidDataException(file + " is truncated or corrupt (" + warnings.get(0) + ")");
                }
                return new Decoded(orientation.apply(image), orientation, format.toLowerCase(java.util.Locale.ROOT));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (!Files.isReadable(file)) {
                throw new StorageException("cannot read image file " + file + ": " + AtomicFiles.describe(e), e);
            }
            throw new InvalidDataException(file + " is truncated or not a readable image (" + describe(e) + ")", e);
        } catch (FmnistException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            // Some decoders fail on corrupt input with unchecked exceptions.
            throw new InvalidDataException(file + " is a corrupt image (" + describe(e) + ")", e);
        }
    }

    private void checkSize(Path file, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new InvalidDataException(file + " declares an empty picture (" + width + "x" + height + ")");
        }
        if ((long) width * height > maxPixels) {
            throw new InvalidDataException(file + " is too large (" + width + "x" + height + " pixels); scale it below "
                    + maxPixels / 1_000_000 + " megapixels");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
