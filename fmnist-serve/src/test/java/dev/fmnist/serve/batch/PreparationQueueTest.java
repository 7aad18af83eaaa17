package dev.fmnist.serve.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import dev.fmnist.data.classify.Picture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PreparationQueueTest {
    private static final Classifier CLASSIFIER = Classifier.of(new MicroBatcherTest.Recording());

    private static Picture picture(int seed) {
        byte[] pixels = new byte[Images.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            int x = i % Images.COLS;
            int y = i / Images.COLS;
            pixels[i] = (byte) (x > 6 && x < 21 && y > 3 && y < 24 ? 80 + seed * 7 + x + y : 0);
        }
        return Picture.pixels(pixels, "picture " + seed);
    }

    @Test
    void eachPictureIsPreparedAsTheClassifierPreparesItAlone() throws Exception {
        try (PreparationQueue queue = new PreparationQueue(CLASSIFIER, 2)) {
            List<CompletableFuture<ModelInput>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(queue.submit(picture(i)));
            }
            for (int i = 0; i < 20; i++) {
                ModelInput queued = futures.get(i).get(10, TimeUnit.SECONDS);
                ModelInput direct = CLASSIFIER.prepare(picture(i));
                assertThat(queued.source()).isEqualTo("picture " + i);
                assertThat(queued.pixels()).isEqualTo(direct.pixels());
            }
        }
    }

    @Test
    void anUnreadablePictureFailsOnlyItsOwnFuture() throws Exception {
        try (PreparationQueue queue = new PreparationQueue(CLASSIFIER, 1)) {
            CompletableFuture<ModelInput> broken = queue.submit(Picture.encoded(
                    "not a picture".getBytes(StandardCharsets.US_ASCII), "upload"));
            CompletableFuture<ModelInput> fine = queue.submit(picture(1));
            assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InvalidDataException.class).hasMessageContaining("upload");
            assertThat(fine.get(10, TimeUnit.SECONDS).source()).isEqualTo("picture 1");
        }
    }

    @Test
    void closingFinishesWhatIsQueuedAndRefusesMore() throws Exception {
        PreparationQueue queue = new PreparationQueue(CLASSIFIER, 1);
        List<CompletableFuture<ModelInput>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(queue.submit(picture(i)));
        }
        queue.close();
        for (CompletableFuture<ModelInput> f : queued) {
            assertThat(f.get(10, TimeUnit.SECONDS).pixels()).hasSize(Images.PIXELS);
        }
        assertThatThrownBy(() -> queue.submit(picture(9))).isInstanceOf(RejectedExecutionException.class);
    }
}
