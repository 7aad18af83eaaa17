package dev.fmnist.cli.output;

import dev.fmnist.api.training.BatchProgress;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import dev.fmnist.api.training.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Keras's progress bar on a terminal: an {@code Epoch 1/5} line, then one line redrawn with a carriage
 * return as batches finish, ending as
 * {@code 1875/1875 [==============================] 1.4s - loss: 0.4979 - accuracy: 0.8255}. Redraws at most
 * every 100 ms (by the clock it is given, so tests need not sleep) so the bar costs nothing next to training.
 * A line never reaches the terminal's last column (the bar narrows, then the line is cut), so a redraw never
 * wraps; the time left is shown once the epoch has run a second, from a smoothed time per batch.
 */
public final class ProgressBar implements TrainingListener {
    /** Characters between the brackets. */
    public static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    /** No time left is shown before this much of the epoch ran: the first batches wait for the JIT. */
    static final long ETA_AFTER_NANOS = 1_000_000_000L;
    private static final int MIN_BAR = 5;

    private final PrintStream out;
    private final boolean showRate;
    private final int maxLength;
    private final LongSupplier nanoClock;
    private long lastDraw;
    private int lastLength;
    private BatchProgress last;
    private boolean open;
    private BatchProgress lastDrawn;
    private double secondsPerBatch;

    /** A bar printing to {@code out}, which should be a terminal of {@link TerminalWidth#DEFAULT} columns. */
    public ProgressBar(PrintStream out) {
        this(out, false, TerminalWidth.DEFAULT, System::nanoTime);
    }

    /**
     * A bar that also shows each epoch's learning rate when {@code showRate}, as Keras does once it changes.
     *
     * @param columns the terminal's width: lines stay shorter
     * @param nanoClock the clock that spaces redraws ({@code System::nanoTime})
     */
    public ProgressBar(PrintStream out, boolean showRate, int columns, LongSupplier nanoClock) {
        this.out = out;
        this.showRate = showRate;
        this.maxLength = Math.max(1, columns - 1);
        this.nanoClock = nanoClock;
    }

    /** {@code " - learning_rate: 1.0000e-04"}, or nothing when the rate is unknown. */
    static String rate(EpochStats stats) {
        return Double.isNaN(stats.learningRate()) ? ""
                : String.format(Locale.ROOT, " - learning_rate: %.4e", stats.learningRate());
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        out.println("Epoch " + epoch + "/" + epochs);
        lastDraw = 0;
        lastLength = 0;
        last = null;
        lastDrawn = null;
        secondsPerBatch = Double.NaN;
        open = false;
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        last = progress;
        long now = nanoClock.getAsLong();
        if (progress.batch() == progress.batches() || lastDrawn == null || now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            updateRate(progress);
            draw(fit(progress, secondsPerBatch * (progress.batches() - progress.batch())), false);
        }
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        if (last != null) {
            // Nothing redraws the epoch's last line, so it may wrap rather than lose its metrics.
            String line = finalLine(last, stats.nanos(), WIDTH);
            if (stats.hasValidation()) {
                line += String.format(Locale.ROOT, " - val_loss: %.4f - val_accuracy: %.4f", stats.validationLoss(),
                        stats.validationAccuracy());
            }
            if (showRate) {
                line += rate(stats);
            }
            if (line.length() > maxLength) {
                int narrower = Math.max(MIN_BAR, WIDTH - (line.length() - maxLength));
                line = finalLine(last, stats.nanos(), narrower) + line.substring(finalLine(last, stats.nanos(),
                        WIDTH).length());
            }
            draw(line, true);
        }
        out.println();
        open = false;
        out.flush();
    }

    @Override
    public void onTrainingEnd(History history, boolean complete) {
        if (open) {
            out.println();
            open = false;
        }
        out.flush();
    }

    /**
     * The time per batch, smoothed over recent redraws: the first batches run before the JIT has compiled
     * anything, so the average since the epoch's start would overestimate the time left for a while.
     */
    private void updateRate(BatchProgress p) {
        if (lastDrawn != null && p.batch() > lastDrawn.batch()) {
            double recent = (p.elapsedNanos() - lastDrawn.elapsedNanos()) / 1e9 / (p.batch() - lastDrawn.batch());
            secondsPerBatch = Double.isNaN(secondsPerBatch) ? recent : 0.7 * secondsPerBatch + 0.3 * recent;
        }
        lastDrawn = p;
    }

    /** The running bar, narrowed until the line fits the terminal. */
    private String fit(BatchProgress p, double etaSeconds) {
        String line = line(p, etaSeconds, WIDTH);
        if (line.length() > maxLength) {
            line = line(p, etaSeconds, Math.max(MIN_BAR, WIDTH - (line.length() - maxLength)));
        }
        return line;
    }

    private void draw(String line, boolean mayWrap) {
        if (!mayWrap && line.length() > maxLength) {
            line = line.substring(0, maxLength);
        }
        int pad = Math.max(0, Math.min(lastLength, maxLength) - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastLength = line.length();
        open = true;
    }

    /** The bar while an epoch runs, with the time left estimated from the average since the epoch began. */
    static String line(BatchProgress p) {
        return line(p, Double.NaN, WIDTH);
    }

    /**
     * The bar while an epoch runs, {@code width} characters between the brackets, with the given estimate of
     * the time left (NaN: the epoch's average); no estimate before {@link #ETA_AFTER_NANOS}.
     */
    static String line(BatchProgress p, double etaSeconds, int width) {
        if (p.batch() == p.batches()) {
            return finalLine(p, p.elapsedNanos(), width);
        }
        String eta = "";
        if (p.elapsedNanos() >= ETA_AFTER_NANOS) {
            double seconds = Double.isNaN(etaSeconds)
                    ? p.elapsedNanos() / 1e9 / p.batch() * (p.batches() - p.batch()) : etaSeconds;
            eta = " - ETA: " + duration(seconds);
        }
        return String.format(Locale.ROOT, "%s%s - loss: %.4f - accuracy: %.4f", bar(p, width), eta, p.loss(),
                p.accuracy());
    }

    /** The bar at the end of an epoch. */
    static String finalLine(BatchProgress p, long nanos, int width) {
        return String.format(Locale.ROOT, "%s %s - loss: %.4f - accuracy: %.4f", bar(p, width),
                duration(nanos / 1e9), p.loss(), p.accuracy());
    }

    /** {@code " 937/1875 [==============>...............]"}, {@code width} characters between the brackets. */
    static String bar(BatchProgress p, int width) {
        int digits = String.valueOf(p.batches()).length();
        int done = (int) ((long) width * p.batch() / p.batches());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%" + digits + "d/%d [", p.batch(), p.batches()));
        if (done >= width) {
            sb.append("=".repeat(width));
        } else {
            sb.append("=".repeat(done)).append('>').append(".".repeat(width - done - 1));
        }
        return sb.append(']').toString();
    }

    /** Seconds as {@code 0.8s}, {@code 12s} or {@code 3m05s}. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%ds", Math.round(seconds));
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
