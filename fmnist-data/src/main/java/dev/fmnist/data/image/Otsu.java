package dev.fmnist.data.image;

/**
 * Otsu's threshold: the grey level that best splits a histogram into two classes (maximum between-class
 * variance), so the object/background cut comes from the picture instead of a fixed constant. When
 * several levels split equally well (empty bins between two modes), the middle one is taken.
 */
final class Otsu {
    private Otsu() {
    }

    /** The histogram ({@link #threshold(long[])}'s bins: values rounded, clipped to 0..255) of the values above {@code level}. */
    static long[] histogramAbove(float[] values, float level) {
        long[] histogram = new long[256];
        for (float v : values) {
            if (v > level) {
                histogram[Math.max(0, Math.min(255, Rounding.nonNegative(v)))]++;
            }
        }
        return histogram;
    }

    static float threshold(long[] histogram) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < histogram.length; i++) {
            total += histogram[i];
            sum += (double) i * histogram[i];
        }
        double weightBelow = 0;
        double sumBelow = 0;
        double best = -1;
        int bestLevel = 0;
        int lastBest = 0;
        for (int t = 0; t < histogram.length - 1; t++) {
            weightBelow += histogram[t];
            sumBelow += (double) t * histogram[t];
            double weightAbove = total - weightBelow;
            if (weightBelow == 0 || weightAbove == 0) {
                continue;
            }
            double meanBelow = sumBelow / weightBelow;
            double meanAbove = (sum - sumBelow) / weightAbove;
            double between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best * (1 + 1e-9)) {
                best = between;
                bestLevel = t;
                lastBest = t;
            } else if (between >= best * (1 - 1e-9)) {
                lastBest = t;
            }
        }
        // Empty bins between two modes give equal splits: take the middle of them.
        return (bestLevel + lastBest) / 2f + 0.5f;
    }
}
