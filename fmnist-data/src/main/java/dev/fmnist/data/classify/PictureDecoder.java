package dev.fmnist.data.classify;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.data.image.ImagePreprocessor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes pictures held in memory with the JDK's readers, refusing hostile ones before they cost memory:
 * the dimensions are read from the header and checked against a pixel budget before anything is decoded
 * (a small PNG can declare a gigapixel), and a reader's warning (such as a JPEG that ends early, which
 * the JDK would otherwise fill with grey) counts as a corrupt picture. Immutable and thread-safe.
 */
public final class PictureDecoder {
    private final long maxPixels;

    private PictureDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** A decoder allowing pictures of up to {@code maxPixels} pixels. */
    public static PictureDecoder withMaxPixels(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        return new PictureDecoder(maxPixels);
    }

    /** A decoder with the preprocessor's limit for files ({@link ImagePreprocessor#MAX_PIXELS}). */
    public static PictureDecoder defaults() {
        return new PictureDecoder(ImagePreprocessor.MAX_PIXELS);
    }

    /** The largest picture accepted, in pixels. */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Whether some reader recognises these bytes as a picture (from their first bytes only).
     */
    public static boolean isPicture(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return ImageIO.getImageReaders(in).hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Decodes the first picture in {@code bytes}.
     *
     * @param source a name for messages
     * @throws InvalidDataException naming {@code source} if the bytes are not a picture, are truncated or
     *     corrupt, or declare more than {@link #maxPixels()} pixels
     */
    public BufferedImage decode(byte[] bytes, String source) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidDataException(source + " is not a picture Java can read ("
                        + ImagePreprocessor.FORMATS + ")");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                    throw new InvalidDataException(source + " is too large (" + width + "x" + height
                            + " pixels); the limit is " + maxPixels + " pixels");
                }
                // A reader's warning (such as a JPEG that ends early, which readers fill with grey) is an error.
                reader.addIIOReadWarningListener((r, warning) -> {
                    throw new InvalidDataException(source + " is damaged: " + warning);
                });
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidDataException(source + " holds no picture");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (FmnistException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders fail on corrupt input with IOExceptions and, for some, unchecked exceptions.
            throw new InvalidDataException(source + " is a corrupt or truncated picture (" + describe(e) + ")", e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
