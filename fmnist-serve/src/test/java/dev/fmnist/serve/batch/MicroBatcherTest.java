package dev.fmnist.serve.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {
    /** Class = first pixel / 10 (so each answer can be checked against its input); records batch sizes. */
    static final class Recording implements Predictor {
        final List<Integer> calls = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        @Override
        public void predict(float[] images, int count, float[] probabilities) {
            calls.add(count);
            if (fail) {
                fail = false;
                throw new IllegalStateException("model broke");
            }
            for (int i = 0; i < count; i++) {
                int k = Math.round(images[i * Images.PIXELS] * 255) / 10;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    probabilities[i * FashionClass.COUNT + c] = c == k ? 1 : 0;
                }
            }
        }
    }

    static ModelInput input(int label) {
        byte[] pixels = new byte[Images.PIXELS];
        pixels[0] = (byte) (label * 10);
        return new ModelInput("p" + label, pixels, Optional.empty());
    }

    static List<ModelInput> inputs(int n) {
        List<ModelInput> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(input(i % 10));
        }
        return list;
    }

    static List<Prediction> all(List<CompletableFuture<Prediction>> futures) throws Exception {
        List<Prediction> out = new ArrayList<>();
        for (CompletableFuture<Prediction> f : futures) {
            out.add(f.get(10, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void picturesWaitingTogetherGoInOneCallUpToTheBatchSize() throws Exception {
        Recording model = new Recording();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        try (MicroBatcher batcher = new MicroBatcher(Classifier.of(model), 4, Duration.ofMillis(300), sizes::add)) {
            List<Prediction> answers = all(batcher.submit(inputs(10)));
            for (int i = 0; i < 10; i++) {
                assertThat(answers.get(i).best()).isEqualTo(FashionClass.ofLabel(i % 10));
            }
        }
        assertThat(model.calls).containsExactly(4, 4, 2);
        assertThat(sizes).containsExactly(4, 4, 2);
    }

    @Test
    void aLonePictureWaitsAtMostTheDelay() throws Exception {
        Recording model = new Recording();
        try (MicroBatcher batcher = new MicroBatcher(Classifier.of(model), 32, Duration.ofMillis(50), n -> { })) {
            long start = System.nanoTime();
            assertThat(all(batcher.submit(List.of(input(3)))).get(0).best()).isEqualTo(FashionClass.DRESS);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
            // Two submissions within the delay share a call.
            List<CompletableFuture<Prediction>> a = batcher.submit(List.of(input(1)));
            List<CompletableFuture<Prediction>> b = batcher.submit(List.of(input(2)));
            assertThat(all(a).get(0).best()).isEqualTo(FashionClass.TROUSER);
            assertThat(all(b).get(0).best()).isEqualTo(FashionClass.PULLOVER);
        }
        assertThat(model.calls).containsExactly(1, 2);
    }

    @Test
    void aFullBatchGoesWithoutWaitingForTheDelay() throws Exception {
        Recording model = new Recording();
        try (MicroBatcher batcher = new MicroBatcher(Classifier.of(model), 4, Duration.ofMinutes(10), n -> { })) {
            // One submission at a time, so the model thread sees the batch grow before it is full.
            List<CompletableFuture<Prediction>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.addAll(batcher.submit(List.of(input(i))));
                Thread.sleep(5);
            }
            assertThat(all(answers)).hasSize(4);
        }
        assertThat(model.calls).containsExactly(4);
    }

    @Test
    void closingDoesNotWaitForAnOpenBatchsDelay() throws Exception {
        Recording model = new Recording();
        MicroBatcher batcher = new MicroBatcher(Classifier.of(model), 32, Duration.ofMinutes(10), n -> { });
        List<CompletableFuture<Prediction>> queued = batcher.submit(inputs(3));
        long start = System.nanoTime();
        batcher.close();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(4));
        assertThat(all(queued)).hasSize(3);
    }

    @Test
    void aFailingBatchFailsOnlyItsOwnPictures() throws Exception {
        Recording model = new Recording();
        try (MicroBatcher batcher = new MicroBatcher(Classifier.of(model), 8, Duration.ofMillis(20), n -> { })) {
            model.fail = true;
            List<CompletableFuture<Prediction>> broken = batcher.submit(inputs(3));
            assertThatThrownBy(() -> broken.get(0).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("model broke");
            assertThat(all(batcher.submit(inputs(2)))).hasSize(2);
        }
    }

    @Test
    void closingFinishesWhatIsQueuedAndRefusesMore() throws Exception {
        Recording model = new Recording();
        MicroBatcher batcher = new MicroBatcher(Classifier.of(model), 8, Duration.ofMillis(100), n -> { });
        List<CompletableFuture<Prediction>> queued = batcher.submit(inputs(5));
        batcher.close();
        assertThat(all(queued)).hasSize(5);
        assertThatThrownBy(() -> batcher.submit(inputs(1))).isInstanceOf(RejectedExecutionException.class);
    }
}
