package dev.fmnist.viz.testing;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.data.InMemoryDataset;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.function.IntBinaryOperator;

/** Helpers for tests that look at rendered pictures. */
public final class Pictures {
    private Pictures() {
    }

    /** The 0xRRGGBB colour at (x, y). */
    public static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    /** Whether two colours differ by at most {@code tolerance} in every channel. */
    public static boolean near(int a, int b, int tolerance) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) <= tolerance
                && Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) <= tolerance
                && Math.abs((a & 0xff) - (b & 0xff)) <= tolerance;
    }

    /** Pixels within {@code tolerance} of {@code color} inside {@code area} (the whole image if null). */
    public static int count(BufferedImage image, Color color, int tolerance, Rectangle area) {
        Rectangle r = area == null ? new Rectangle(0, 0, image.getWidth(), image.getHeight()) : area;
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (near(rgb(image, x, y), color.getRGB() & 0xffffff, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels inside {@code area} that are not white. */
    public static int inked(BufferedImage image, Rectangle area) {
        return area.width * area.height - count(image, Color.WHITE, 0, area);
    }

    /** Relative luminance 0..1 of a 0xRRGGBB colour. */
    public static double luminance(int rgb) {
        return (0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
    }

    /** One image whose pixel (row, col) is {@code f(row, col)}. */
    public static byte[] image(IntBinaryOperator f) {
        byte[] out = new byte[Images.PIXELS];
        for (int r = 0; r < Images.ROWS; r++) {
            for (int c = 0; c < Images.COLS; c++) {
                out[r * Images.COLS + c] = (byte) f.applyAsInt(r, c);
            }
        }
        return out;
    }

    /** A dataset of the given images and labels. */
    public static InMemoryDataset dataset(byte[][] images, int[] labels) {
        byte[] pixels = new byte[images.length * Images.PIXELS];
        byte[] l = new byte[labels.length];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, pixels, i * Images.PIXELS, Images.PIXELS);
            l[i] = (byte) labels[i];
        }
        return new InMemoryDataset("test", pixels, l);
    }
}
