package dev.fmnist.api.training;

import dev.fmnist.api.model.Weights;
import java.util.Objects;

/**
 * Where an earlier run stopped, to continue it: its weights, its optimizer's state (null: start the
 * optimizer afresh) and its history, whose length is the position in the data stream (the epochs done,
 * Keras's {@code initial_epoch}).
 *
 * @param weights the parameters to continue from
 * @param optimizer the optimizer's state, or null
 * @param history the epochs already trained
 */
public record ResumePoint(Weights weights, OptimizerState optimizer, History history) {

    public ResumePoint {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(history, "history");
    }

    /** Epochs already trained. */
    public int epoch() {
        return history.epochs().size();
    }
}
