package dev.fmnist.data.image;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns a picture of any size into the 28x28 light-on-dark form a Fashion-MNIST model expects, following
 * the steps the dataset's authors applied to Zalando's product photos:
 *
 * <ol>
 *   <li>grey: luminance with ITU-R BT.601 weights, transparent pixels over white;</li>
 *   <li>inverted when the background is light: the background level is the median of the picture's outer
 *       ring (2% of the shorter side, at least one pixel); above mid-grey it is a light background, and the
 *       picture is inverted so the object becomes light on black, as in the dataset;</li>
 *   <li>stretched so the background becomes 0 and the brightest pixel 255;</li>
 *   <li>cropped to the object: the bounding box of the pixels above {@link #threshold()} (10% of full
 *       scale by default), which trims margins and faint noise;</li>
 *   <li>resized so the <em>longer</em> side is 28 pixels and the aspect ratio is kept, like the dataset
 *       (whose trousers fill the height and shoes the width; MNIST digits instead fit 20 pixels). Shrinking
 *       averages areas, enlarging is bilinear;</li>
 *   <li>centred on a black 28x28 canvas (by bounding box, as the dataset's canvas extension does).</li>
 * </ol>
 *
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * byte[] pixels = ImagePreprocessor.defaults().pixels(Path.of("boot.jpg"));
 * }</pre>
 */
public final class ImagePreprocessor {
    /** Pictures larger than this many pixels are refused before decoding (they would need gigabytes). */
    public static final long MAX_PIXELS = 100_000_000L;
    /** The formats the JDK reads, for messages. */
    public static final String FORMATS = "PNG, JPEG, GIF or BMP";

    /** Decoder warnings that mean the picture is incomplete. */
    private static final Pattern TRUNCATION = Pattern.compile("(?i)premature end|truncated|missing eoi|corrupt");
    private static final float BORDER_FRACTION = 0.02f;

    private final float threshold;

    private ImagePreprocessor(float threshold) {
        this.threshold = threshold;
    }

    /** The steps in the class description with a 10% crop threshold. */
    public static ImagePreprocessor defaults() {
        return new ImagePreprocessor(0.10f);
    }

    /**
     * The same steps with another crop threshold.
     *
     * @param value fraction of full scale (0 inclusive to 1 exclusive) above which a pixel counts as object
     */
    public ImagePreprocessor withThreshold(float value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidInputException("threshold must be in [0, 1), got " + value);
        }
        return new ImagePreprocessor(value);
    }

    /** The crop threshold, as a fraction of full scale. */
    public float threshold() {
        return threshold;
    }

    /** The 784 pixels of the picture in {@code file}. See {@link #prepare(Path)}. */
    public byte[] pixels(Path file) {
        return prepare(file).pixels();
    }

    /**
     * Reads and prepares a picture file.
     *
     * @throws StorageException if the file does not exist or cannot be read
     * @throws InvalidDataException naming the file if it is not a readable picture, is too large or blank
     */
    public PreparedImage prepare(Path file) {
        return prepare(read(file), file.toString());
    }

    /**
     * Prepares a decoded picture.
     *
     * @param source a name for messages (such as the file's path)
     * @throws InvalidDataException if the picture is blank (no object stands out of the background)
     */
    public PreparedImage prepare(BufferedImage image, String source) {
        GreyImage grey = GreyImage.of(image);
        int ring = Math.max(1, Math.round(Math.min(grey.width, grey.height) * BORDER_FRACTION));
        float background = grey.borderMedian(ring);
        boolean inverted = background > 127.5f;
        if (inverted) {
            grey.invert();
            background = 255f - background;
        }
        grey.stretch(background);

        int[] box = boundingBox(grey, threshold * 255f);
        if (box == null) {
            throw new InvalidDataException(source + ": no object found (the picture is blank or has no contrast)");
        }
        GreyImage object = grey.crop(box[0], box[1], box[2], box[3]);
        int longer = Math.max(box[2], box[3]);
        int w = Math.max(1, Math.round((float) box[2] * Images.COLS / longer));
        int h = Math.max(1, Math.round((float) box[3] * Images.ROWS / longer));
        GreyImage small = Resampler.resize(object, w, h);

        byte[] pixels = new byte[Images.PIXELS];
        int left = (Images.COLS - w) / 2;
        int top = (Images.ROWS - h) / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int value = Math.round(Math.max(0, Math.min(255, small.at(x, y))));
                pixels[(top + y) * Images.COLS + left + x] = (byte) value;
            }
        }
        return new PreparedImage(source, pixels, grey.width, grey.height, inverted, box[0], box[1], box[2], box[3]);
    }

    /** {x, y, w, h} of the pixels above {@code level}, or null if there are none. */
    private static int[] boundingBox(GreyImage g, float level) {
        int minX = g.width;
        int minY = g.height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < g.height; y++) {
            for (int x = 0; x < g.width; x++) {
                if (g.at(x, y) > level) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    /** Decodes a picture file, checking its size before decoding. */
    static BufferedImage read(Path file) {
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
                throw new InvalidDataException(file + " is not an image file Java can read (" + FORMATS + ")");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new InvalidDataException(file + " is too large (" + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + " pixels); scale it below " + MAX_PIXELS / 1_000_000
                            + " megapixels");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                // The JPEG reader fills a cut-off picture with grey and only warns ("Premature end of JPEG file").
                for (String warning : warnings) {
                    if (TRUNCATION.matcher(warning).find()) {
                        throw new InvalidDataException(file + " is truncated or corrupt (" + warning.strip() + ")");
                    }
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (!Files.isReadable(file)) {
                throw new StorageException("cannot read image file " + file + ": " + AtomicFiles.describe(e), e);
            }
            throw new InvalidDataException(file + " is not a readable " + FORMATS + " image (" + describe(e) + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof dev.fmnist.api.error.FmnistException) {
                throw e;
            }
            // Some decoders fail on corrupt input with unchecked exceptions.
            throw new InvalidDataException(file + " is a corrupt image (" + describe(e) + ")", e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
