package dev.fmnist.api.callbacks;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingControl;
import dev.fmnist.api.training.TrainingListener;
import java.util.Objects;

/**
 * Keras's {@code ReduceLROnPlateau}: multiplies the learning rate by {@code factor} (never below
 * {@code minLr}) once the monitored metric has not improved by more than {@code minDelta} for
 * {@code patience} epochs, then waits {@code cooldown} epochs before counting again.
 */
public final class ReduceLROnPlateau implements TrainingListener {
    private final Monitor monitor;
    private final double factor;
    private final int patience;
    private final double minDelta;
    private final int cooldown;
    private final double minLr;
    private TrainingControl control;
    private double best;
    private int wait;
    private int cooldownCounter;

    /**
     * @param monitor the metric to watch (default {@code val_loss})
     * @param factor the learning rate's multiplier, in (0, 1) (default 0.1)
     * @param patience epochs without improvement before reducing (default 10)
     * @param minDelta the least change that counts as an improvement (default 1e-4)
     * @param cooldown epochs to wait after a reduction (default 0)
     * @param minLr the lowest learning rate (default 0)
     */
    public ReduceLROnPlateau(Monitor monitor, double factor, int patience, double minDelta, int cooldown,
            double minLr) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        if (!(factor > 0 && factor < 1)) {
            throw new InvalidInputException("ReduceLROnPlateau factor must be in (0, 1), got " + factor);
        }
        if (patience < 0 || cooldown < 0 || !(minDelta >= 0) || !(minLr >= 0)) {
            throw new InvalidInputException("ReduceLROnPlateau patience, cooldown, min_delta and min_lr must not be "
                    + "negative");
        }
        this.factor = factor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.cooldown = cooldown;
        this.minLr = minLr;
    }

    /** Keras's defaults: val_loss, factor 0.1, patience 10, min_delta 1e-4, cooldown 0, min_lr 0. */
    public static ReduceLROnPlateau keras() {
        return new ReduceLROnPlateau(Monitor.valLoss(), 0.1, 10, 1e-4, 0, 0);
    }

    /** The same with another monitor. */
    public ReduceLROnPlateau monitoring(Monitor value) {
        return new ReduceLROnPlateau(value, factor, patience, minDelta, cooldown, minLr);
    }

    /** The same with another factor and patience. */
    public ReduceLROnPlateau with(double newFactor, int newPatience) {
        return new ReduceLROnPlateau(monitor, newFactor, newPatience, minDelta, cooldown, minLr);
    }

    @Override
    public void attach(TrainingControl value) {
        monitor.check(value, "ReduceLROnPlateau");
        control = value;
        best = monitor.worst();
        wait = 0;
        cooldownCounter = 0;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        double current = monitor.valueIn(stats);
        if (Double.isNaN(current)) {
            return;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.improves(current, best, minDelta)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0) {
            wait++;
            if (wait >= patience) {
                double old = control.learningRate();
                // Keras compares with min_lr in float32.
                if ((float) old > (float) minLr) {
                    control.setLearningRate(Math.max(old * factor, minLr));
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }
    }
}
