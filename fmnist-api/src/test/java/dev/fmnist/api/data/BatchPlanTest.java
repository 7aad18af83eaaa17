package dev.fmnist.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.testing.SyntheticData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
    @Test
    void shuffledPlansArePermutationsThatDependOnSeedAndEpoch() {
        BatchPlan a = BatchPlan.shuffled(1000, 32, 7, 1);
        int[] sorted = a.order().clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(BatchPlan.sequential(1000, 32).order());
        assertThat(BatchPlan.shuffled(1000, 32, 7, 1).order()).isEqualTo(a.order());
        assertThat(BatchPlan.shuffled(1000, 32, 7, 2).order()).isNotEqualTo(a.order());
        assertThat(BatchPlan.shuffled(1000, 32, 8, 1).order()).isNotEqualTo(a.order());
    }

    @Test
    void theLastBatchIsPartial() {
        BatchPlan plan = BatchPlan.sequential(60_000, 32);
        assertThat(plan.batchCount()).isEqualTo(1875);
        BatchPlan odd = BatchPlan.sequential(100, 32);
        assertThat(odd.batchCount()).isEqualTo(4);
        assertThat(odd.count(3)).isEqualTo(4);
    }

    @Test
    void batchesScalePixelsToUnitRange() {
        Dataset data = SyntheticData.blobs("s", 10, 3);
        Batch batch = new Batch(4);
        batch.fill(data, new int[] {5, 2, 9}, 0, 3);
        assertThat(batch.count()).isEqualTo(3);
        assertThat(batch.labels()[1]).isEqualTo(data.label(2));
        byte[] raw = data.image(9);
        for (int p = 0; p < Images.PIXELS; p++) {
            assertThat(batch.images()[2 * Images.PIXELS + p]).isEqualTo((raw[p] & 0xff) / 255f);
        }
        assertThat(data.slice(2, 5).label(0)).isEqualTo(data.label(2));
    }

    @Test
    void imagesFollowEachRefillOfTheBuffer() {
        Dataset data = SyntheticData.blobs("s", 10, 3);
        Batch batch = new Batch(2);
        batch.fill(data, new int[] {1, 4}, 0, 2);
        float[] first = batch.images().clone();
        batch.fill(data, new int[] {7, 4}, 0, 2);
        assertThat(batch.images()).isNotEqualTo(first);
        byte[] raw = data.image(7);
        for (int p = 0; p < Images.PIXELS; p++) {
            assertThat(batch.images()[p]).isEqualTo(Images.scale(raw[p]));
            assertThat(batch.images()[Images.PIXELS + p]).isEqualTo(first[Images.PIXELS + p]);
        }
    }
}
