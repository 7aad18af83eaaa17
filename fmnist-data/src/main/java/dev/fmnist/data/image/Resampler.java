package dev.fmnist.data.image;

/**
 * Resizes grey images with good quality at any ratio. Shrinking averages the source area each target
 * pixel covers (a box filter with fractional edges), so thin lines fade instead of vanishing or
 * aliasing; enlarging interpolates bilinearly. Both are separable: rows first, then columns.
 */
final class Resampler {
    private Resampler() {
    }

    /** The image resized to {@code w x h}. */
    static GreyImage resize(GreyImage src, int w, int h) {
        GreyImage rows = new GreyImage(w, src.height);
        for (int y = 0; y < src.height; y++) {
            resample1d(src.v, y * src.width, 1, src.width, rows.v, y * w, 1, w);
        }
        GreyImage out = new GreyImage(w, h);
        for (int x = 0; x < w; x++) {
            resample1d(rows.v, x, w, src.height, out.v, x, w, h);
        }
        return out;
    }

    /** Resamples {@code n} values (at {@code src[from + i*stride]}) to {@code m} values. */
    static void resample1d(float[] src, int from, int stride, int n, float[] dst, int to, int dstStride, int m) {
        if (m <= n) {
            double scale = (double) n / m;
            for (int j = 0; j < m; j++) {
                double start = j * scale;
                double end = start + scale;
                double sum = 0;
                for (int i = (int) start; i < Math.min(n, (int) Math.ceil(end)); i++) {
                    double overlap = Math.min(end, i + 1) - Math.max(start, i);
                    sum += overlap * src[from + i * stride];
                }
                dst[to + j * dstStride] = (float) (sum / scale);
            }
        } else {
            double scale = (double) n / m;
            for (int j = 0; j < m; j++) {
                double centre = (j + 0.5) * scale - 0.5;
                int i0 = (int) Math.floor(centre);
                double t = centre - i0;
                float a = src[from + Math.max(0, Math.min(n - 1, i0)) * stride];
                float b = src[from + Math.max(0, Math.min(n - 1, i0 + 1)) * stride];
                dst[to + j * dstStride] = (float) (a + (b - a) * t);
            }
        }
    }
}
