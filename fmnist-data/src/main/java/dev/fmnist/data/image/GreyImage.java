package dev.fmnist.data.image;

import java.awt.image.BufferedImage;

/** A grey image as floats, 0 (black) to 255 (white), row by row; mutable, for the preprocessing steps. */
final class GreyImage {
    final int width;
    final int height;
    final float[] v;

    GreyImage(int width, int height) {
        this(width, height, new float[width * height]);
    }

    GreyImage(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.v = values;
    }

    /**
     * The luminance of every pixel (ITU-R BT.601 weights). Transparent pixels are composited over white,
     * the usual background of a product cut-out.
     */
    static GreyImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        GreyImage grey = new GreyImage(w, h);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                float a = (argb >>> 24) / 255f;
                float luma = 0.299f * ((argb >> 16) & 0xff) + 0.587f * ((argb >> 8) & 0xff) + 0.114f * (argb & 0xff);
                grey.v[y * w + x] = a * luma + (1 - a) * 255f;
            }
        }
        return grey;
    }

    float at(int x, int y) {
        return v[y * width + x];
    }

    /** The median of the pixels on the image's outer ring, {@code ring} pixels deep. */
    float borderMedian(int ring) {
        int depth = Math.max(1, Math.min(ring, Math.min(width, height) / 2));
        int[] histogram = new int[256];
        int count = 0;
        for (int y = 0; y < height; y++) {
            boolean edgeRow = y < depth || y >= height - depth;
            for (int x = 0; x < width; x++) {
                if (edgeRow || x < depth || x >= width - depth) {
                    histogram[Math.round(Math.max(0, Math.min(255, at(x, y))))]++;
                    count++;
                }
            }
        }
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

    /** Replaces every value {@code p} with {@code 255 - p}. */
    void invert() {
        for (int i = 0; i < v.length; i++) {
            v[i] = 255f - v[i];
        }
    }

    /** Maps {@code background} to 0 and the brightest pixel to 255, clipping below the background. */
    void stretch(float background) {
        float max = 0;
        for (float p : v) {
            max = Math.max(max, p);
        }
        float range = max - background;
        for (int i = 0; i < v.length; i++) {
            v[i] = range <= 0 ? 0 : Math.max(0f, (v[i] - background) * 255f / range);
        }
    }

    /** The region {@code [x, x+w) x [y, y+h)} as a new image. */
    GreyImage crop(int x, int y, int w, int h) {
        GreyImage out = new GreyImage(w, h);
        for (int r = 0; r < h; r++) {
            System.arraycopy(v, (y + r) * width + x, out.v, r * w, w);
        }
        return out;
    }
}
