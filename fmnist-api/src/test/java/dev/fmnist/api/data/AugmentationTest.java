package dev.fmnist.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.testing.SyntheticData;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private final Augmentation aug = Augmentation.standard();

    @Test
    void drawsEveryShiftAndBothFlipsEvenly() {
        Set<Integer> xs = new HashSet<>();
        Set<Integer> ys = new HashSet<>();
        int flips = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            long key = Augmentation.key(42, 1, i);
            xs.add(aug.shiftX(key));
            ys.add(aug.shiftY(key));
            flips += aug.flips(key) ? 1 : 0;
        }
        assertThat(xs).containsExactlyInAnyOrder(-2, -1, 0, 1, 2);
        assertThat(ys).containsExactlyInAnyOrder(-2, -1, 0, 1, 2);
        assertThat(flips).isBetween(n / 2 - 300, n / 2 + 300);
    }

    @Test
    void shiftsAndMirrorsAsTheKeySays() {
        byte[] image = new byte[Images.PIXELS];
        image[5 * Images.COLS + 3] = 100; // row 5, column 3
        byte[] scratch = new byte[Images.PIXELS];
        for (int i = 0; i < 200; i++) {
            long key = Augmentation.key(7, 2, i);
            byte[] out = image.clone();
            aug.apply(out, 0, scratch, key);
            // Shifted first, then mirrored.
            int shifted = 3 + aug.shiftX(key);
            int c = aug.flips(key) ? Images.COLS - 1 - shifted : shifted;
            int r = 5 + aug.shiftY(key);
            assertThat(out[r * Images.COLS + c]).as("draw %d", i).isEqualTo((byte) 100);
            int nonZero = 0;
            for (byte b : out) {
                nonZero += b != 0 ? 1 : 0;
            }
            assertThat(nonZero).isEqualTo(1);
        }
    }

    @Test
    void pixelsShiftedOutAreDroppedAndTheGapIsBackground() {
        byte[] image = new byte[Images.PIXELS];
        java.util.Arrays.fill(image, (byte) 9);
        long key = findKey(k -> aug.shiftX(k) == 2 && aug.shiftY(k) == 0);
        aug.apply(image, 0, new byte[Images.PIXELS], key);
        for (int r = 0; r < Images.ROWS; r++) {
            assertThat(image[r * Images.COLS]).isZero();
            assertThat(image[r * Images.COLS + 1]).isZero();
            assertThat(image[r * Images.COLS + 2]).isEqualTo((byte) 9);
        }
    }

    @Test
    void batchesAreTheSameForTheSameSeedAndDifferForAnother() {
        Dataset data = SyntheticData.train();
        BatchPlan plan = BatchPlan.shuffled(data.size(), 32, 42, 3);
        Batch a = new Batch(32);
        Batch b = new Batch(32);
        Batch plain = new Batch(32);
        a.fill(data, plan, 1, aug, 42, 3);
        b.fill(data, plan, 1, aug, 42, 3);
        plain.fill(data, plan, 1);
        assertThat(a.raw()).isEqualTo(b.raw());
        assertThat(a.images()).isEqualTo(b.images());
        assertThat(a.labels()).isEqualTo(plain.labels());
        assertThat(a.raw()).isNotEqualTo(plain.raw());
        b.fill(data, plan, 1, aug, 43, 3);
        assertThat(b.raw()).isNotEqualTo(a.raw());
        b.fill(data, plan, 1, null, 42, 3);
        assertThat(b.raw()).isEqualTo(plain.raw());
    }

    private long findKey(java.util.function.LongPredicate p) {
        for (int i = 0; ; i++) {
            long k = Augmentation.key(1, 1, i);
            if (p.test(k)) {
                return k;
            }
        }
    }
}
