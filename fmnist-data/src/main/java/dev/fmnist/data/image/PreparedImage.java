package dev.fmnist.data.image;

import dev.fmnist.api.data.Images;

/**
 * A picture in Fashion-MNIST's form, and what was done to get there.
 *
 * @param source where the picture came from (a file name), for messages
 * @param pixels the 784 unsigned pixels, row by row, 0 = background, 255 = ink
 * @param sourceWidth the original width in pixels
 * @param sourceHeight the original height in pixels
 * @param inverted whether the picture was dark on light and its greys were inverted
 * @param cropX left edge of the object's bounding box in the original
 * @param cropY top edge of the object's bounding box in the original
 * @param cropWidth width of the bounding box
 * @param cropHeight height of the bounding box
 */
public record PreparedImage(String source, byte[] pixels, int sourceWidth, int sourceHeight, boolean inverted,
        int cropX, int cropY, int cropWidth, int cropHeight) {

    public PreparedImage {
        if (pixels.length != Images.PIXELS) {
            throw new IllegalArgumentException("expected " + Images.PIXELS + " pixels, got " + pixels.length);
        }
    }

    /** A one-line account, such as {@code 640x480, inverted, object 200x300 at (220,90)}. */
    public String describe() {
        return sourceWidth + "x" + sourceHeight + (inverted ? ", inverted (light background)" : "")
                + ", object " + cropWidth + "x" + cropHeight + " at (" + cropX + "," + cropY + ")";
    }
}
