package dev.fmnist.data.image;

import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a picture of any size into the 28x28 light-on-dark form a Fashion-MNIST model expects, following
 * the steps the dataset's authors applied to Zalando's product photos (trimmed, longer side scaled to 28,
 * centred, negated, 8-bit grey) after finding the garment in a real photo:
 *
 * <ol>
 *   <li>decoded with its size checked from the header first, and turned upright by its EXIF orientation
 *       ({@link ImageDecoder}, {@link OrientationReader}, {@link Orientation});</li>
 *   <li>grey by luminance, transparency composited over the picture's own background colour
 *       ({@link GreyConversion}); shrunk to at most {@value #WORKING_SIZE} pixels on the longer side for
 *       the analysis (area averaging, which also averages sensor noise away), or a thumbnail enlarged
 *       smoothly to at least {@value #MIN_WORKING_SIZE};</li>
 *   <li>the background modelled as a plane (a gradient) fitted robustly to the outer ring, with its noise
 *       ({@link BackgroundModel}); the object's direction, darker or lighter ({@link Polarity});</li>
 *   <li>the garment found: Otsu's threshold, morphology, the largest connected component
 *       ({@link Segmentation});</li>
 *   <li>cropped to its box, pixels outside it zeroed, fitted into 28x28 as the dataset was
 *       ({@link DatasetFit});</li>
 *   <li>with {@link ImageWarning}s when the result deserves less trust.</li>
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
    /** The formats read, for messages. */
    public static final String FORMATS = "PNG, JPEG, GIF, BMP, TIFF or WebP";
    /** The longer side of the picture the object is searched in. */
    static final int WORKING_SIZE = 320;
    /**
     * A smaller picture is enlarged smoothly (bilinear, by a whole factor) to at least this longer side
     * before the analysis, so that the garment's outline, box and thin parts (a sandal's straps) are found
     * to a fraction of a pixel and the final fit shrinks by area averaging instead of enlarging blockily.
     * Three times the dataset's side: a 28x28 picture is analysed at 84x84. Four times (112) took 1.5x as
     * long and was no more accurate on thumbnails and 28x28 dataset images; two times lost 0.7-0.8 points
     * on off-size thumbnails.
     */
    static final int MIN_WORKING_SIZE = 84;

    private static final float BORDER_FRACTION = 0.03f;
    private static final int TINY = 28;
    private static final float LOW_CONTRAST = 40f;

    private final float threshold;

    private ImagePreprocessor(float threshold) {
        this.threshold = threshold;
    }

    /**
     * The steps in the class description, counting as object nothing within 5% of full scale of the
     * background (the closeness the dataset's authors trimmed by).
     */
    public static ImagePreprocessor defaults() {
        return new ImagePreprocessor(0.05f);
    }

    /**
     * The same steps with another floor for what counts as object.
     *
     * @param value fraction of full scale (0 inclusive to 1 exclusive) a pixel must differ from the
     *     background by, at least, to count as object (noise and Otsu's threshold may raise it)
     */
    public ImagePreprocessor withThreshold(float value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidInputException("threshold must be in [0, 1), got " + value);
        }
        return new ImagePreprocessor(value);
    }

    /** The floor for object pixels, as a fraction of full scale. */
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
     * @throws InvalidDataException naming the file if it is not a readable picture, is truncated or too large
     */
    public PreparedImage prepare(Path file) {
        ImageDecoder.Decoded decoded = new ImageDecoder(MAX_PIXELS).read(file);
        return trace(decoded.image(), file.toString(), decoded.orientation()).result();
    }

    /**
     * Decodes a picture file and turns it upright, as {@link #prepare(Path)} sees it before preparing it
     * (for drawing the crop box over it).
     *
     * @throws StorageException if the file does not exist or cannot be read
     * @throws InvalidDataException naming the file if it is not a readable picture, is truncated or too large
     */
    public BufferedImage decode(Path file) {
        return new ImageDecoder(MAX_PIXELS).read(file).image();
    }

    /**
     * Prepares a decoded picture (already upright).
     *
     * @param source a name for messages (such as the file's path)
     */
    public PreparedImage prepare(BufferedImage image, String source) {
        return trace(image, source, Orientation.NORMAL).result();
    }

    /** Every stage of the preparation, for pictures of the pipeline and tests. */
    record Trace(GreyImage working, BackgroundModel background, Polarity polarity, float[] contrast,
            Segmentation segmentation, PreparedImage result) {
    }

    Trace trace(BufferedImage image, String source, Orientation orientation) {
        int fullRing = Math.max(1, Math.round(Math.min(image.getWidth(), image.getHeight()) * BORDER_FRACTION));
        GreyImage grey = GreyConversion.toGrey(image, fullRing);
        int longer = Math.max(grey.width, grey.height);
        float factor = longer > WORKING_SIZE ? (float) WORKING_SIZE / longer
                : longer < MIN_WORKING_SIZE ? (float) Math.ceil((double) MIN_WORKING_SIZE / longer) : 1f;
        GreyImage working = factor != 1 ? Resampler.resize(grey, Math.max(1, Math.round(grey.width * factor)),
                Math.max(1, Math.round(grey.height * factor))) : grey;
        int w = working.width;
        int h = working.height;

        int ring = Math.max(1, Math.round(Math.min(w, h) * BORDER_FRACTION));
        BackgroundModel background = BackgroundModel.fit(working, ring);
        float floor = threshold * 255f;
        float level = Math.max(floor, (float) (Segmentation.NOISE_DEVIATIONS * background.noise()));
        Polarity.Tally tally = new Polarity.Tally(level);
        float[] residual = new float[w * h];
        double[] acrossPlane = new double[w];
        for (int x = 0; x < w; x++) {
            acrossPlane[x] = background.a() + background.b() * x; // a + b*x + c*y evaluates (a + b*x) first
        }
        for (int y = 0; y < h; y++) {
            double down = background.c() * y;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float r = (float) (working.v[row + x] - (acrossPlane[x] + down));
                residual[row + x] = r;
                tally.add(r);
            }
        }
        Polarity polarity = tally.polarity(background.mean(w, h));
        // The contrast replaces the residual in place: nothing reads the residual afterwards.
        float[] contrast = residual;
        float sign = polarity.sign();
        for (int i = 0; i < contrast.length; i++) {
            contrast[i] = Math.max(0f, sign * contrast[i]);
        }

        Segmentation found = Segmentation.find(contrast, w, h, background.noise(), floor);
        GreyImage object;
        if (found.found()) {
            // The box, with what lies outside the mask zeroed.
            object = new GreyImage(w, h, contrast).crop(found.x(), found.y(), found.width(), found.height());
            PackedMask mask = found.mask();
            for (int y = 0; y < object.height; y++) {
                for (int x = 0; x < object.width; x++) {
                    if (!mask.get(found.x() + x, found.y() + y)) {
                        object.v[y * object.width + x] = 0f;
                    }
                }
            }
        } else {
            object = new GreyImage(w, h, contrast.clone());
        }
        byte[] pixels = DatasetFit.fit(object);

        double scaleX = (double) grey.width / w;
        double scaleY = (double) grey.height / h;
        int cropX = (int) Math.floor(found.x() * scaleX);
        int cropY = (int) Math.floor(found.y() * scaleY);
        int cropW = Math.min(grey.width, (int) Math.ceil((found.x() + found.width()) * scaleX)) - cropX;
        int cropH = Math.min(grey.height, (int) Math.ceil((found.y() + found.height()) * scaleY)) - cropY;

        List<ImageWarning> warnings = new ArrayList<>();
        if (!found.found()) {
            warnings.add(ImageWarning.NO_OBJECT);
        } else if (Math.max(cropW, cropH) < TINY) {
            warnings.add(ImageWarning.TINY_OBJECT);
        }
        if (found.several()) {
            warnings.add(ImageWarning.SEVERAL_OBJECTS);
        }
        if (found.touchesBorder()) {
            warnings.add(ImageWarning.TOUCHES_BORDER);
        }
        if (peak(contrast, found, w, h) < Math.max(LOW_CONTRAST, 8 * background.noise())) {
            warnings.add(ImageWarning.LOW_CONTRAST);
        }
        PreparedImage result = new PreparedImage(source, pixels, grey.width, grey.height,
                polarity == Polarity.DARK_ON_LIGHT, cropX, cropY, cropW, cropH, orientation, warnings);
        return new Trace(working, background, polarity, contrast, found, result);
    }

    /**
     * The 95th percentile of the contrast inside the garment's mask (all pixels without one): the object's
     * contrast. The mask lies within the garment's box grown by a pixel, so only that is read.
     */
    private static float peak(float[] contrast, Segmentation found, int w, int h) {
        PackedMask mask = found.mask();
        int x0 = mask == null ? 0 : Math.max(0, found.x() - 1);
        int y0 = mask == null ? 0 : Math.max(0, found.y() - 1);
        int x1 = mask == null ? w : Math.min(w, found.x() + found.width() + 1);
        int y1 = mask == null ? h : Math.min(h, found.y() + found.height() + 1);
        long[] histogram = new long[256];
        long count = 0;
        for (int y = y0; y < y1; y++) {
            for (int i = y * w + x0; i < y * w + x1; i++) {
                if (mask == null || mask.get(i - y * w, y)) {
                    histogram[Math.min(255, Rounding.nonNegative(contrast[i]))]++;
                    count++;
                }
            }
        }
        long seen = 0;
        for (int i = 0; i < 256; i++) {
            seen += histogram[i];
            if (seen >= 0.95 * count) {
                return i;
            }
        }
        return 255;
    }
}
