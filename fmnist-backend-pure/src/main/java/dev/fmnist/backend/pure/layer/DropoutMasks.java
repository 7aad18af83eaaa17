package dev.fmnist.backend.pure.layer;

/**
 * Dropout masks drawn from a counter-based generator: each value's draw is a hash of (seed, step, layer,
 * sample, index), so any thread can draw any part of a mask and get the same bits.
 */
final class DropoutMasks {
    private DropoutMasks() {
    }

    /** Writes {@code scale} (kept) or 0 (dropped, with probability {@code rate}) into {@code mask[off..off+len)}. */
    static void fill(long seed, long step, int layer, int sample, double rate, float scale, float[] mask, int off,
            int len) {
        long base = mix(mix(mix(seed ^ 0x6A09E667F3BCC909L) + step) + ((long) layer << 32 | sample));
        long threshold = (long) (rate * (1L << 24));
        for (int i = 0; i < len; i++) {
            long u = mix(base + i * 0x9E3779B97F4A7C15L) >>> 40; // 24 uniform bits
            mask[off + i] = u < threshold ? 0f : scale;
        }
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
