package dev.fmnist.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.training.BatchProgress;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;
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

    /** A clock the test moves by hand: redraws depend on it, not on how fast the test runs. */
    private static final class FakeClock implements LongSupplier {
        long nanos;

        @Override
        public long getAsLong() {
            return nanos;
        }

        void advance(double seconds) {
            nanos += (long) (seconds * 1e9);
        }
    }

    private final FakeClock clock = new FakeClock();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ProgressBar bar(int columns) {
        return new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, columns, clock);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTimeLeftFollowsRecentBatchesNotTheSlowStart() {
        ProgressBar bar = bar(120);
        bar.onEpochStart(1, 5, 1875);
        bar.onBatchEnd(at(1, 1.0)); // a slow first batch (JIT warm-up)
        clock.advance(1.0);
        bar.onBatchEnd(at(1001, 2.0)); // then 1 ms per batch

        // 874 batches left at about 1 ms each, not 2 ms (the average since the start).
        assertThat(printed()).contains("1001/1875 [================>.............] - ETA: 0.9s");
    }

    @Test
    void noTimeLeftIsShownBeforeTheEpochHasRunASecond() {
        // Issue 16, item 16: the first batch alone (JIT warm-up) made the first ETA say minutes.
        ProgressBar bar = bar(120);
        bar.onEpochStart(1, 1, 1875);
        bar.onBatchEnd(at(1, 0.3));
        clock.advance(0.2);
        bar.onBatchEnd(at(40, 0.5));
        assertThat(printed()).doesNotContain("ETA").contains("  40/1875 [>");
        clock.advance(0.6);
        bar.onBatchEnd(at(300, 1.1));
        assertThat(printed()).contains(" 300/1875 [====>.........................] - ETA: 6.7s");
        assertThat(printed()).doesNotContain("m0").doesNotContain("m1").doesNotContain("m2");
    }

    @Test
    void noLineReachesTheTerminalsLastColumn() {
        // Issue 16, item 16: each redraw wrapped in an 80-column terminal.
        ProgressBar bar = bar(80);
        bar.onEpochStart(1, 5, 1875);
        for (int batch = 1; batch < 1875; batch += 37) {
            clock.advance(0.15);
            bar.onBatchEnd(new BatchProgress(1, 5, batch, 1875, 0.49791, 0.82554, (long) (batch * 2e6)));
        }
        String[] redraws = printed().split("\r");
        assertThat(redraws).hasSizeGreaterThan(40);
        for (int i = 1; i < redraws.length; i++) {
            assertThat(redraws[i].length()).as(redraws[i]).isLessThan(80);
        }
        assertThat(redraws[redraws.length - 1]).contains("ETA:").contains("loss: 0.4979").contains("[");

        bytes.reset();
        ProgressBar narrow = bar(40);
        narrow.onEpochStart(1, 5, 1875);
        narrow.onBatchEnd(at(900, 2.0));
        assertThat(printed().substring(printed().indexOf('\r') + 1)).hasSize(39);
    }

    @Test
    void theEpochsLastLineKeepsItsMetricsInANarrowTerminal() {
        ProgressBar bar = bar(80);
        bar.onEpochStart(1, 5, 1875);
        bar.onBatchEnd(at(1875, 1.5));
        bar.onEpochEnd(new EpochStats(1, 0.4979, 0.8255, 0.41, 0.85, 60000, 1_500_000_000L));
        assertThat(printed()).contains("- loss: 0.4979 - accuracy: 0.8255 - val_loss: 0.4100 - val_accuracy: 0.8500");
    }

    @Test
    void terminalWidthFromTheEnvironment() {
        assertThat(TerminalWidth.parse("132")).isEqualTo(132);
        assertThat(TerminalWidth.parse("abc")).isNull();
        assertThat(TerminalWidth.parse("3")).isNull();
        assertThat(TerminalWidth.detect(java.util.Map.of("COLUMNS", "100"))).isEqualTo(100);
    }

    @Test
    void durations() {
        assertThat(ProgressBar.duration(0.84)).isEqualTo("0.8s");
        assertThat(ProgressBar.duration(42.4)).isEqualTo("42s");
        assertThat(ProgressBar.duration(185)).isEqualTo("3m05s");
    }

    @Test
    void redrawsOneLineWithCarriageReturnsAndEndsTheEpochWithANewline() {
        ProgressBar bar = bar(100);
        bar.onEpochStart(1, 5, 1875);
        bar.onBatchEnd(at(1, 0.001));
        clock.advance(0.05);
        bar.onBatchEnd(at(2, 0.002)); // within 100 ms of the last draw: skipped
        bar.onBatchEnd(at(1875, 1.5));
        bar.onEpochEnd(new EpochStats(1, 0.4979, 0.8255, Double.NaN, Double.NaN, 60000, 1_500_000_000L));
        bar.onTrainingEnd(new History(List.of()), true);

        String out = printed();
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
