package dev.fmnist.api.callbacks;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import dev.fmnist.api.training.TrainingControl;
import dev.fmnist.api.training.TrainingListener;
import java.util.Objects;

/**
 * Keras's {@code EarlyStopping}: stops training once the monitored metric has not improved by more than
 * {@code minDelta} for {@code patience} epochs. With {@code restoreBestWeights} it keeps the weights of
 * the best epoch and puts them back when training ends (whether it stopped early or not, as Keras 3 does).
 * Records the best epoch in the history.
 */
public final class EarlyStopping implements TrainingListener {
    private final Monitor monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;
    private TrainingControl control;
    private double best;
    private int bestEpoch;
    private int wait;
    private int stoppedEpoch;
    private Weights bestWeights;

    /**
     * @param monitor the metric to watch (Keras's default: {@code val_loss})
     * @param patience epochs without improvement before stopping (Keras's default: 0)
     * @param minDelta the least change that counts as an improvement (default 0)
     * @param restoreBestWeights whether to end with the best epoch's weights (default false)
     */
    public EarlyStopping(Monitor monitor, int patience, double minDelta, boolean restoreBestWeights) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        if (patience < 0) {
            throw new InvalidInputException("patience must not be negative, got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new InvalidInputException("min_delta must not be negative, got " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBestWeights = restoreBestWeights;
    }

    /** Keras's defaults with a patience: monitor val_loss, min_delta 0, no restoring. */
    public static EarlyStopping patience(int patience) {
        return new EarlyStopping(Monitor.valLoss(), patience, 0, false);
    }

    @Override
    public void attach(TrainingControl value) {
        monitor.check(value, "early stopping");
        control = value;
        best = monitor.worst();
        bestEpoch = 0;
        wait = 0;
        stoppedEpoch = 0;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        double current = monitor.valueIn(stats);
        if (Double.isNaN(current)) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = control.weights();
        }
        wait++;
        if (monitor.improves(current, best, minDelta)) {
            best = current;
            bestEpoch = stats.epoch();
            control.recordBest(monitor.metric(), bestEpoch);
            if (restoreBestWeights) {
                bestWeights = control.weights();
            }
            wait = 0;
            return;
        }
        if (wait >= patience && stats.epoch() > 1) {
            stoppedEpoch = stats.epoch();
            control.stopTraining();
        }
    }

    @Override
    public void onFitEnd(History history) {
        if (restoreBestWeights && bestWeights != null) {
            control.setWeights(bestWeights);
        }
    }

    /** The epoch after which it stopped training, or 0. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The best epoch so far, or 0. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best value so far. */
    public double best() {
        return best;
    }

    /** Whether it puts the best weights back at the end. */
    public boolean restoresBestWeights() {
        return restoreBestWeights;
    }
}
