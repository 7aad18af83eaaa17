package dev.fmnist.api.callbacks;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingControl;
import java.util.Locale;
import java.util.Objects;

/**
 * The metric a callback watches and which way is better, as Keras's {@code monitor} and {@code mode}:
 * {@code auto} means higher is better for accuracies and lower for everything else.
 *
 * @param metric a name of {@link EpochStats#METRICS}, such as {@code val_loss}
 * @param mode {@code min}, {@code max} or {@code auto}
 */
public record Monitor(String metric, Mode mode) {

    /** Which way is better. */
    public enum Mode {
        MIN, MAX, AUTO;

        /** Parses {@code min}, {@code max} or {@code auto}. @throws InvalidInputException otherwise */
        public static Mode parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("unknown mode '" + text + "'; known: min, max, auto");
            }
        }
    }

    public Monitor {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(mode, "mode");
        if (!EpochStats.METRICS.contains(metric)) {
            throw new InvalidInputException("cannot monitor '" + metric + "'; known: " + EpochStats.METRICS);
        }
    }

    /** Keras's default: {@code val_loss}, mode auto. */
    public static Monitor valLoss() {
        return new Monitor("val_loss", Mode.AUTO);
    }

    /** Whether higher values are better. */
    public boolean higherIsBetter() {
        return mode == Mode.MAX || (mode == Mode.AUTO && metric.contains("acc"));
    }

    /** The worst possible value, where a callback's "best so far" starts. */
    public double worst() {
        return higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /**
     * Whether {@code current} improves on {@code best} by more than {@code minDelta} (Keras:
     * {@code current - min_delta > best} when higher is better, {@code current + min_delta < best} otherwise).
     */
    public boolean improves(double current, double best, double minDelta) {
        return higherIsBetter() ? current - minDelta > best : current + minDelta < best;
    }

    /** The metric's value in an epoch's stats. */
    public double valueIn(EpochStats stats) {
        return stats.metric(metric);
    }

    /**
     * Checks that the training reports the metric.
     *
     * @throws InvalidInputException naming the fix when a validation metric is watched without validation
     */
    public void check(TrainingControl control, String callback) {
        if (metric.startsWith("val_") && !control.hasValidation()) {
            throw new InvalidInputException(callback + " monitors " + metric + " but training has no validation "
                    + "set; hold some out with a validation split (--validation-split 0.1) or monitor "
                    + metric.substring(4));
        }
    }
}
