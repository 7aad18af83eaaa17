package dev.fmnist.viz.image;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import java.awt.image.BufferedImage;

/** Turns 28x28 unsigned pixels into a scaled-up RGB image, one solid square per pixel. */
final class Pixels {
    private Pixels() {
    }

    /** Checks that {@code pixels} holds one image. */
    static byte[] check(byte[] pixels) {
        if (pixels == null || pixels.length != Images.PIXELS) {
            throw new InvalidInputException("expected an image of " + Images.ROWS + "x" + Images.COLS + " = "
                    + Images.PIXELS + " pixels, got " + (pixels == null ? "null" : pixels.length + " values"));
        }
        return pixels;
    }

    /** Checks a scale factor. */
    static int checkScale(int scale) {
        if (scale < 1 || scale > 64) {
            throw new InvalidInputException("image scale must be 1..64, got " + scale);
        }
        return scale;
    }

    /**
     * Paints the image into {@code target} with its top-left corner at (x, y); each source pixel becomes a
     * {@code scale x scale} square (nearest neighbour, so edges stay crisp).
     */
    static void paint(byte[] pixels, ColorMap map, int scale, BufferedImage target, int x, int y) {
        int[] row = new int[Images.COLS * scale];
        for (int r = 0; r < Images.ROWS; r++) {
            for (int c = 0; c < Images.COLS; c++) {
                int rgb = map.rgb(pixels[r * Images.COLS + c]);
                for (int k = 0; k < scale; k++) {
                    row[c * scale + k] = rgb;
                }
            }
            for (int k = 0; k < scale; k++) {
                target.setRGB(x, y + r * scale + k, row.length, 1, row, 0, row.length);
            }
        }
    }
}
