package dev.fmnist.data.image;

import dev.fmnist.api.data.Images;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A picture in Fashion-MNIST's form, and what was done to get there.
 *
 * @param source where the picture came from (a file name), for messages
 * @param pixels the 784 unsigned pixels, row by row, 0 = background, 255 = ink
 * @param sourceWidth the width of the upright picture in pixels (after its EXIF orientation)
 * @param sourceHeight the height of the upright picture in pixels
 * @param inverted whether the picture was dark on light and its greys were inverted
 * @param cropX left edge of the object's bounding box in the upright picture
 * @param cropY top edge of the object's bounding box in the upright picture
 * @param cropWidth width of the bounding box
 * @param cropHeight height of the bounding box
 * @param orientation the EXIF orientation that was applied ({@link Orientation#NORMAL} when none)
 * @param warnings what makes the result less trustworthy, with advice (empty when all looks well)
 */
public record PreparedImage(String source, byte[] pixels, int sourceWidth, int sourceHeight, boolean inverted,
        int cropX, int cropY, int cropWidth, int cropHeight, Orientation orientation, List<ImageWarning> warnings) {

    public PreparedImage {
        if (pixels.length != Images.PIXELS) {
            throw new IllegalArgumentException("expected " + Images.PIXELS + " pixels, got " + pixels.length);
        }
        warnings = List.copyOf(warnings);
    }

    /** A prepared picture that needed no turning and raised no warning. */
    public PreparedImage(String source, byte[] pixels, int sourceWidth, int sourceHeight, boolean inverted,
            int cropX, int cropY, int cropWidth, int cropHeight) {
        this(source, pixels, sourceWidth, sourceHeight, inverted, cropX, cropY, cropWidth, cropHeight,
                Orientation.NORMAL, List.of());
    }

    /** A one-line account, such as {@code 640x480, inverted, object 200x300 at (220,90)}. */
    public String describe() {
        return sourceWidth + "x" + sourceHeight
                + (orientation == Orientation.NORMAL ? "" : ", turned upright (EXIF orientation " + orientation.tag() + ")")
                + (inverted ? ", inverted (light background)" : "")
                + ", object " + cropWidth + "x" + cropHeight + " at (" + cropX + "," + cropY + ")"
                + (warnings.isEmpty() ? "" : "; warnings: "
                        + warnings.stream().map(ImageWarning::code).collect(Collectors.joining(", ")));
    }
}
