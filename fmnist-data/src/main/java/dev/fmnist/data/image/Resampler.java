package dev.fmnist.data.image;

/**
 * Resizes grey images with good quality at any ratio. Shrinking averages the source area each target
 * pixel covers (a box filter with fractional edges), so thin lines fade instead of vanishing or
 * aliasing; enlarging interpolates bilinearly. Both are separable: rows first, then columns; the weights
 * of a direction are worked out once ({@link Plan}) and applied to every line.
 */
final class Resampler {
    private Resampler() {
    }

    /** The image resized to {@code w x h}. */
    static GreyImage resize(GreyImage src, int w, int h) {
        Plan across = new Plan(src.width, w);
        GreyImage rows = new GreyImage(w, src.height);
        for (int y = 0; y < src.height; y++) {
            across.apply(src.v, y * src.width, 1, rows.v, y * w, 1);
        }
        Plan down = new Plan(src.height, h);
        GreyImage out = new GreyImage(w, h);
        down.applyToRows(rows.v, w, out.v);
        return out;
    }

    /** Resamples {@code n} values (at {@code src[from + i*stride]}) to {@code m} values. */
    static void resample1d(float[] src, int from, int stride, int n, float[] dst, int to, int dstStride, int m) {
        new Plan(n, m).apply(src, from, stride, dst, to, dstStride);
    }

    /**
     * The weights of one direction from {@code n} to {@code m} values: for target {@code j}, the source
     * values {@code first[j]} to {@code first[j] + count[j] - 1} with their weights (shrinking: overlaps,
     * divided by the scale at the end) or the two neighbours {@code first[j]} and {@code above[j]} (clamped
     * to the line) and the fraction between them (enlarging).
     */
    private static final class Plan {
        private final boolean shrink;
        private final double scale;
        private final int[] first;
        /** Enlarging only: the upper neighbour. */
        private final int[] above;
        /** Shrinking only: how many source values. */
        private final int[] count;
        private final double[] weights;
        private final int width;

        Plan(int n, int m) {
            this.shrink = m <= n;
            this.scale = (double) n / m;
            this.first = new int[m];
            this.count = shrink ? new int[m] : null;
            this.above = shrink ? null : new int[m];
            this.width = shrink ? (int) Math.ceil(scale) + 1 : 1;
            this.weights = new double[m * width];
            for (int j = 0; j < m; j++) {
                if (shrink) {
                    double start = j * scale;
                    double end = start + scale;
                    int i0 = (int) start;
                    int i1 = Math.min(n, (int) Math.ceil(end));
                    first[j] = i0;
                    count[j] = i1 - i0;
                    for (int i = i0; i < i1; i++) {
                        weights[j * width + i - i0] = Math.min(end, i + 1) - Math.max(start, i);
                    }
                } else {
                    double centre = (j + 0.5) * scale - 0.5;
                    int i0 = (int) Math.floor(centre);
                    weights[j] = centre - i0;
                    first[j] = Math.max(0, Math.min(n - 1, i0));
                    above[j] = Math.max(0, Math.min(n - 1, i0 + 1));
                }
            }
        }

        /**
         * {@link #apply} down every column of a {@code lineWidth}-wide image at once, a target row at a time from
         * whole source rows (the same operations per value, in cache order rather than down the columns).
         */
        void applyToRows(float[] src, int lineWidth, float[] dst) {
            int m = first.length;
            for (int j = 0; j < m; j++) {
                int out = j * lineWidth;
                int i0 = first[j];
                if (shrink) {
                    int base = j * width;
                    for (int x = 0; x < lineWidth; x++) {
                        double sum = 0;
                        for (int k = 0; k < count[j]; k++) {
                            sum += weights[base + k] * src[(i0 + k) * lineWidth + x];
                        }
                        dst[out + x] = (float) (sum / scale);
                    }
                } else {
                    int ra = i0 * lineWidth;
                    int rb = above[j] * lineWidth;
                    double weight = weights[j];
                    for (int x = 0; x < lineWidth; x++) {
                        float a = src[ra + x];
                        float b = src[rb + x];
                        dst[out + x] = (float) (a + (b - a) * weight);
                    }
                }
            }
        }

        void apply(float[] src, int from, int stride, float[] dst, int to, int dstStride) {
            int m = first.length;
            if (!shrink) {
                for (int j = 0; j < m; j++) {
                    float a = src[from + first[j] * stride];
                    float b = src[from + above[j] * stride];
                    dst[to + j * dstStride] = (float) (a + (b - a) * weights[j]);
                }
                return;
            }
            for (int j = 0; j < m; j++) {
                double sum = 0;
                int base = j * width;
                int i0 = first[j];
                for (int k = 0; k < count[j]; k++) {
                    sum += weights[base + k] * src[from + (i0 + k) * stride];
                }
                dst[to + j * dstStride] = (float) (sum / scale);
            }
        }
    }
}
