package dev.fmnist.data.classify;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/** A picture to classify, in one of the forms a {@link Classifier} accepts. */
public sealed interface Picture {

    /** A name for messages and results (a file name, a request part, "pixels"). */
    String source();

    /** A picture file (PNG, JPEG, GIF, BMP, anything the JDK's readers support). */
    record File(Path path) implements Picture {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String source() {
            return path.toString();
        }
    }

    /** An encoded picture held in memory, such as an HTTP request body. */
    record Encoded(byte[] bytes, String source) implements Picture {
        public Encoded {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(source, "source");
        }
    }

    /** A decoded picture. */
    record Decoded(BufferedImage image, String source) implements Picture {
        public Decoded {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * A picture already in Fashion-MNIST's form: 784 unsigned pixels, row by row, 0 = background,
     * 255 = ink. It is classified as it is, without preprocessing.
     */
    record Pixels(byte[] pixels, String source) implements Picture {
        public Pixels {
            Objects.requireNonNull(source, "source");
            if (pixels == null || pixels.length != Images.PIXELS) {
                throw new InvalidInputException(source + ": expected " + Images.PIXELS + " pixels ("
                        + Images.ROWS + "x" + Images.COLS + "), got " + (pixels == null ? "none" : pixels.length));
            }
        }
    }

    /** A picture file. */
    static Picture file(Path path) {
        return new File(path);
    }

    /** An encoded picture in memory; {@code source} names it in messages. */
    static Picture encoded(byte[] bytes, String source) {
        return new Encoded(bytes, source);
    }

    /** A decoded picture; {@code source} names it in messages. */
    static Picture decoded(BufferedImage image, String source) {
        return new Decoded(image, source);
    }

    /** 784 unsigned pixels (see {@link Pixels}). */
    static Picture pixels(byte[] pixels, String source) {
        return new Pixels(pixels, source);
    }

    /**
     * 784 pixel values from 0 to 255 (fractions are rounded), as they come from JSON.
     *
     * @throws InvalidInputException on the wrong count or a value outside 0..255
     */
    static Picture pixels(double[] values, String source) {
        if (values.length != Images.PIXELS) {
            throw new InvalidInputException(source + ": expected " + Images.PIXELS + " pixels (" + Images.ROWS
                    + "x" + Images.COLS + "), got " + values.length);
        }
        byte[] pixels = new byte[Images.PIXELS];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0 && v <= 255)) {
                throw new InvalidInputException(source + ": pixel " + i + " is " + v + ", outside 0..255");
            }
            pixels[i] = (byte) Math.round(v);
        }
        return new Pixels(pixels, source);
    }
}
