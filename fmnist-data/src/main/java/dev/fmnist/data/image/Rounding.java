package dev.fmnist.data.image;

/** Rounding to the nearest whole number in the hot loops, exactly as {@link Math#round(float)} does, cheaper. */
final class Rounding {
    private Rounding() {
    }

    /**
     * {@code Math.round(v)} for {@code v} in {@code [0, 2^24]}, the range of pixel values: the sum in double
     * precision is exact there, so truncating it is the floor of {@code v + 1/2}, which is what
     * {@code Math.round} computes. Below 0 it gives 0 where {@code Math.round} gives 0 or less, and NaN
     * gives 0 as there: the same once clamped to a histogram's bins.
     */
    static int nonNegative(float v) {
        return (int) (v + 0.5d);
    }
}
