package dev.fmnist.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.training.BatchProgress;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static BatchProgress at(int batch, double seconds) {
        return new BatchProgress(1, 5, batch, 1875, 0.49791, 0.82554, (long) (seconds * 1e9));
    }

    @Test
    void theFinishedBarLooksLikeKeras() {
        assertThat(ProgressBar.line(at(1875, 1.43)))
                .isEqualTo("1875/1875 [==============================] 1.4s - loss: 0.4979 - accuracy: 0.8255");
    }

    @Test
    void aRunningBarShowsAnArrowAndTheTimeLeft() {
        assertThat(ProgressBar.line(at(625, 2.0)))
                .isEqualTo(" 625/1875 [==========>...................] - ETA: 4.0s - loss: 0.4979 - accuracy: 0.8255");
        assertThat(ProgressBar.line(at(1, 0.001))).startsWith("   1/1875 [>.............................]");
    }

    @Test
    void theTimeLeftFollowsRecentBatchesNotTheSlowStart() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.onEpochStart(1, 5, 1875);
        bar.onBatchEnd(at(1, 1.0)); // a slow first batch (JIT warm-up)
        sleep();
        bar.onBatchEnd(at(1001, 2.0)); // then 1 ms per batch

        // 874 batches left at about 1 ms each, not 2 ms (the average since the start).
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1001/1875 [================>.............] "
                + "- ETA: 0.9s");
    }

    private static void sleep() {
        try {
            Thread.sleep(120); // past the redraw interval
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void durations() {
        assertThat(ProgressBar.duration(0.84)).isEqualTo("0.8s");
        assertThat(ProgressBar.duration(42.4)).isEqualTo("42s");
        assertThat(ProgressBar.duration(185)).isEqualTo("3m05s");
    }

    @Test
    void redrawsOneLineWithCarriageReturnsAndEndsTheEpochWithANewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.onEpochStart(1, 5, 1875);
        bar.onBatchEnd(at(1, 0.001));
        bar.onBatchEnd(at(2, 0.002)); // within 100 ms of the last draw: skipped
        bar.onBatchEnd(at(1875, 1.5));
        bar.onEpochEnd(new EpochStats(1, 0.4979, 0.8255, Double.NaN, Double.NaN, 60000, 1_500_000_000L));
        bar.onTrainingEnd(new History(List.of()), true);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("Epoch 1/5\n\r   1/1875 [>");
        assertThat(out).doesNotContain("   2/1875");
        assertThat(out).endsWith("\r1875/1875 [==============================] 1.5s - loss: 0.4979 - accuracy: 0.8255"
                + System.lineSeparator());
    }

    @Test
    void epochLinesForLogs() {
        EpochStats stats = new EpochStats(2, 0.37512, 0.86431, Double.NaN, Double.NaN, 60000, 2_000_000_000L);

        assertThat(EpochLines.line(stats, 5, 1875))
                .isEqualTo("Epoch 2/5 - 1875/1875 - 2.0s - loss: 0.3751 - accuracy: 0.8643 - 30000 images/s");
    }
}
