package dev.fmnist.data.image;

import java.awt.image.BufferedImage;

/**
 * Colour to grey the way Fashion-MNIST's images were made (8-bit luminance with ITU-R BT.601 weights, as
 * ImageMagick and PIL compute it), compositing transparent pixels over the picture's own background colour.
 *
 * <p>The background colour is the per-channel median of the opaque pixels on the outer ring. A cut-out
 * whose ring is all transparent has no background of its own: it is composited over white when the object
 * is darker than mid-grey and over black otherwise, so the object always stands out.
 */
final class GreyConversion {
    private static final int OPAQUE = 128;

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
            int rgb = median(histograms[0], count) << 16 | median(histograms[1], count) << 8 | median(histograms[2], count);
            return luminance(rgb);
        }
        double sum = 0;
        double weight = 0;
        for (int p : argb) {
            double a = (p >>> 24) / 255.0;
            sum += a * luminance(p);
            weight += a;
        }
        return weight > 0 && sum / weight > 127.5 ? 0f : 255f;
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
