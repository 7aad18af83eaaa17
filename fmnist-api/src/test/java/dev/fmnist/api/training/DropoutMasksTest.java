package dev.fmnist.api.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DropoutMasksTest {
    @Test
    void followsTheDocumentedFormulaExactly() {
        StepContext step = new StepContext(42, 3, 17);
        long key = DropoutMasks.key(step, 5);
        assertThat(key).isEqualTo(mix(mix(mix(mix(42) + 3) + 17) + 5));
        float[] mask = new float[1000];
        DropoutMasks.fill(key, 0.3, 0, mask, 0, mask.length);
        for (int e = 0; e < mask.length; e++) {
            double u = (mix(key + (e + 1) * 0x9E3779B97F4A7C15L) >>> 40) / 16777216.0;
            assertThat(mask[e]).as("element %d", e).isEqualTo(u >= 0.3 ? (float) (1 / 0.7) : 0f);
        }
    }

    @Test
    void keepsAboutOneMinusRateAndAnyPartCanBeFilledAlone() {
        long key = DropoutMasks.key(new StepContext(1, 1, 0), 2);
        float[] whole = new float[100_000];
        DropoutMasks.fill(key, 0.25, 0, whole, 0, whole.length);
        int kept = 0;
        for (float v : whole) {
            kept += v != 0 ? 1 : 0;
        }
        assertThat(kept / (double) whole.length).isBetween(0.74, 0.76);
        float[] part = new float[300];
        DropoutMasks.fill(key, 0.25, 51_000, part, 0, part.length);
        for (int i = 0; i < part.length; i++) {
            assertThat(part[i]).isEqualTo(whole[51_000 + i]);
        }
    }

    @Test
    void differsBetweenSeedsEpochsStepsAndLayers() {
        long a = DropoutMasks.key(new StepContext(1, 1, 0), 2);
        assertThat(DropoutMasks.key(new StepContext(2, 1, 0), 2)).isNotEqualTo(a);
        assertThat(DropoutMasks.key(new StepContext(1, 2, 0), 2)).isNotEqualTo(a);
        assertThat(DropoutMasks.key(new StepContext(1, 1, 1), 2)).isNotEqualTo(a);
        assertThat(DropoutMasks.key(new StepContext(1, 1, 0), 3)).isNotEqualTo(a);
        float[] zero = new float[64];
        DropoutMasks.fill(a, 0, 0, zero, 0, zero.length);
        assertThat(zero).containsOnly(1f);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
