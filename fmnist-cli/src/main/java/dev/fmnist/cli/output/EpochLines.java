package dev.fmnist.cli.output;

import dev.fmnist.api.training.BatchProgress;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import dev.fmnist.api.training.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress for logs and pipes: one plain line per epoch, no carriage returns, such as
 * {@code Epoch 1/5 - 1875/1875 - 1.4s - loss: 0.4979 - accuracy: 0.8255 - 42857 images/s}.
 */
public final class EpochLines implements TrainingListener {
    private final PrintStream out;
    private final boolean showRate;
    private int epochs;
    private int batches;
    private BatchProgress last;

    /** Lines printed to {@code out}. */
    public EpochLines(PrintStream out) {
        this(out, false);
    }

    /** Lines printed to {@code out}, with each epoch's learning rate when {@code showRate}. */
    public EpochLines(PrintStream out, boolean showRate) {
        this.out = out;
        this.showRate = showRate;
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        this.epochs = epochs;
        this.batches = batches;
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        last = progress;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        out.println(line(stats, epochs, batches) + (showRate ? ProgressBar.rate(stats) : ""));
        out.flush();
    }

    @Override
    public void onTrainingEnd(History history, boolean complete) {
        if (!complete && last != null && last.batch() < last.batches()) {
            out.println(String.format(Locale.ROOT, "Epoch %d/%d - stopped at batch %d/%d - loss: %.4f - accuracy: %.4f",
                    last.epoch(), last.epochs(), last.batch(), last.batches(), last.loss(), last.accuracy()));
        }
        out.flush();
    }

    /** The line for one finished epoch. */
    public static String line(EpochStats s, int epochs, int batches) {
        String line = String.format(Locale.ROOT, "Epoch %d/%d - %d/%d - %s - loss: %.4f - accuracy: %.4f",
                s.epoch(), epochs, batches, batches, ProgressBar.duration(s.nanos() / 1e9), s.loss(), s.accuracy());
        if (s.hasValidation()) {
            line += String.format(Locale.ROOT, " - val_loss: %.4f - val_accuracy: %.4f", s.validationLoss(),
                    s.validationAccuracy());
        }
        return line + String.format(Locale.ROOT, " - %.0f images/s", s.samplesPerSecond());
    }
}
