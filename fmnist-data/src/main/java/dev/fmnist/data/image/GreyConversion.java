package dev.fmnist.data.image;

import java.awt.image.BufferedImage;

/**
 * Colour to grey the way Fashion-MNIST's images were made (8-bit luminance with ITU-R BT.601 weights, as
 * ImageMagick and PIL compute it), compositing transparent pixels over the picture's own background colour.
 *
 * <p>The background colour is the per-channel median of the opaque pixels on the outer ring. A cut-out
 * whose ring is all transparent is composited over the colour its transparent pixels still store (a mask
 * added to a studio photo keeps the ground's colour under it) when that differs from the object's median
 * level by at least {@value #CUT_OUT_CONTRAST} grey levels and is not black (what premultiplied alpha
 * leaves); otherwise over white when the object is darker than mid-grey and over black when lighter, so
 * the object always stands out.
 */
final class GreyConversion {
    private static final int OPAQUE = 128;
    /** How far (grey levels) a cut-out's stored ground colour must be from its object to be used behind it. */
    private static final float CUT_OUT_CONTRAST = 32f;

    private GreyConversion() {
    }

    /** The luminance of {@code rgb}, 0 to 255. */
    static float luminance(int rgb) {
        return 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
    }

    static GreyImage toGrey(BufferedImage image, int ring) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        GreyImage grey = new GreyImage(w, h);
        if (!image.getColorModel().hasAlpha()) {
            for (int i = 0; i < argb.length; i++) {
                grey.v[i] = luminance(argb[i]);
            }
            return grey;
        }
        float background = backgroundLuminance(argb, w, h, ring);
        for (int i = 0; i < argb.length; i++) {
            float a = (argb[i] >>> 24) / 255f;
            grey.v[i] = a * luminance(argb[i]) + (1 - a) * background;
        }
        return grey;
    }

    /** The luminance to put behind transparent pixels. */
    static float backgroundLuminance(int[] argb, int w, int h, int ring) {
        int[][] histograms = new int[3][256];
        int count = 0;
        int depth = Math.max(1, Math.min(ring, Math.min(w, h) / 2));
        for (int y = 0; y < h; y++) {
            boolean edgeRow = y < depth || y >= h - depth;
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                if ((edgeRow || x < depth || x >= w - depth) && (p >>> 24) >= OPAQUE) {
                    histograms[0][(p >> 16) & 0xff]++;
                    histograms[1][(p >> 8) & 0xff]++;
                    histograms[2][p & 0xff]++;
                    count++;
                }
            }
        }
        if (count > 0) {
            return luminance(medianColour(histograms, count));
        }
        // A cut-out: its transparent pixels often keep the colour of the ground it was cut from.
        int[][] stored = new int[3][256];
        int rim = 0;
        for (int y = 0; y < h; y++) {
            boolean edgeRow = y < depth || y >= h - depth;
            for (int x = 0; x < w; x++) {
                if (edgeRow || x < depth || x >= w - depth) {
                    int p = argb[y * w + x];
                    stored[0][(p >> 16) & 0xff]++;
                    stored[1][(p >> 8) & 0xff]++;
                    stored[2][p & 0xff]++;
                    rim++;
                }
            }
        }
        int colour = medianColour(stored, rim);
        float ground = luminance(colour);
        float object = objectLuminance(argb);
        if (Float.isNaN(object)) {
            return ground;
        }
        // Transparent black is what premultiplied alpha leaves, not a ground: it is never used.
        if (colour != 0 && Math.abs(object - ground) >= CUT_OUT_CONTRAST) {
            return ground;
        }
        return object > 127.5f ? 0f : 255f;
    }

    /** The median luminance of the (mostly) opaque pixels, NaN when there are none: the object's level. */
    private static float objectLuminance(int[] argb) {
        int[] histogram = new int[256];
        int count = 0;
        for (int p : argb) {
            if ((p >>> 24) >= OPAQUE) {
                histogram[Math.min(255, Math.round(luminance(p)))]++;
                count++;
            }
        }
        return count == 0 ? Float.NaN : median(histogram, count);
    }

    private static int medianColour(int[][] histograms, int count) {
        return median(histograms[0], count) << 16 | median(histograms[1], count) << 8 | median(histograms[2], count);
    }

    private static int median(int[] histogram, int count) {
        int half = (count + 1) / 2;
        int seen = 0;
        for (int i = 0; i < 256; i++) {
            seen += histogram[i];
            if (seen >= half) {
                return i;
            }
        }
        return 255;
    }
}
