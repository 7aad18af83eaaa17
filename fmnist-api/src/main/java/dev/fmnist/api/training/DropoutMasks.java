package dev.fmnist.api.training;

import dev.fmnist.api.error.InvalidInputException;

/**
 * Dropout masks from the seed, the same on every backend and for any thread count. The contract, exactly:
 * <ul>
 * <li>{@code mix(z)} is SplitMix64's finaliser: {@code z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
 *     z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL; return z ^ (z >>> 31)} (64-bit wrapping arithmetic);</li>
 * <li>the key of a layer in a step is {@code key = mix(mix(mix(mix(seed) + epoch) + step) + layer)}, with
 *     {@code epoch} from 1, {@code step} the batch index in the epoch from 0 ({@link StepContext}) and
 *     {@code layer} the Dropout layer's 0-based index in {@link dev.fmnist.api.model.ModelSpec#layers()};</li>
 * <li>the dropout input of a batch is numbered row-major, sample by sample: element
 *     {@code e = sample * size + i} for the {@code i}-th value (channels-last row-major order) of a sample
 *     of {@code size} values;</li>
 * <li>element {@code e} draws {@code u = (mix(key + (e + 1) * 0x9E3779B97F4A7C15L) >>> 40) / 2^24}, a
 *     24-bit uniform in {@code [0, 1)}, and is kept when {@code u >= rate};</li>
 * <li>a kept element is multiplied by {@code (float) (1 / (1 - rate))}, a dropped one by 0 (inverted dropout,
 *     as Keras; nothing changes at inference).</li>
 * </ul>
 * Each element depends only on its number, so threads may fill any part of a mask in any order.
 */
public final class DropoutMasks {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private DropoutMasks() {
    }

    /** The key of a Dropout layer (its 0-based index in the model) in a step. */
    public static long key(StepContext step, int layer) {
        return mix(mix(mix(mix(step.seed()) + step.epoch()) + step.step()) + layer);
    }

    /** Whether element {@code element} of the batch is kept. */
    public static boolean keep(long key, long element, double rate) {
        return (mix(key + (element + 1) * GOLDEN) >>> 40) * 0x1.0p-24 >= rate;
    }

    /** The factor a kept element is multiplied by: {@code (float) (1 / (1 - rate))}. */
    public static float keptScale(double rate) {
        return (float) (1.0 / (1.0 - rate));
    }

    /**
     * Fills {@code mask[offset .. offset + count)} with the factors of elements {@code firstElement ..
     * firstElement + count - 1}: {@link #keptScale(double)} or 0.
     */
    public static void fill(long key, double rate, long firstElement, float[] mask, int offset, int count) {
        if (!(rate >= 0 && rate < 1)) {
            throw new InvalidInputException("dropout rate must be in [0, 1), got " + rate);
        }
        float scale = keptScale(rate);
        for (int i = 0; i < count; i++) {
            mask[offset + i] = keep(key, firstElement + i, rate) ? scale : 0f;
        }
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
