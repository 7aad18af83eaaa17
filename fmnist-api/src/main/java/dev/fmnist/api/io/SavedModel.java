package dev.fmnist.api.io;

import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.History;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.api.training.ResumePoint;
import dev.fmnist.api.training.TrainingResult;
import java.util.Objects;

/**
 * The contents of a model file: description, portable weights, provenance, training history and,
 * optionally, the optimizer's state to resume training from.
 *
 * @param spec the network
 * @param weights its parameters in the portable layout
 * @param provenance where it came from
 * @param history per-epoch statistics of its training (may be empty)
 * @param optimizer the optimizer's state at the end of training, or null
 */
public record SavedModel(ModelSpec spec, Weights weights, Provenance provenance, History history,
        OptimizerState optimizer) {

    public SavedModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(history, "history");
    }

    /** A saved model without optimizer state. */
    public SavedModel(ModelSpec spec, Weights weights, Provenance provenance, History history) {
        this(spec, weights, provenance, history, null);
    }

    /** Captures a trained model and its history. */
    public static SavedModel of(Model model, History history) {
        return new SavedModel(model.spec(), model.weights(), model.provenance(), history, null);
    }

    /** Captures a trained model with its history and the optimizer state of its training. */
    public static SavedModel of(Model model, TrainingResult result) {
        return new SavedModel(model.spec(), model.weights(), model.provenance(), result.history(),
                result.optimizerState());
    }

    /** The same with another history. */
    public SavedModel withHistory(History value) {
        return new SavedModel(spec, weights, provenance, value, optimizer);
    }

    /** Where training continues from this model (Keras's {@code initial_epoch}: its epochs so far). */
    public ResumePoint resumePoint() {
        return new ResumePoint(weights, optimizer, history);
    }
}
