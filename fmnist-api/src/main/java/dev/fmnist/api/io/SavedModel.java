package dev.fmnist.api.io;

import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.History;
import java.util.Objects;

/**
 * The contents of a model file: description, portable weights, provenance and training history.
 *
 * @param spec the network
 * @param weights its parameters in the portable layout
 * @param provenance where it came from
 * @param history per-epoch statistics of its training (may be empty)
 */
public record SavedModel(ModelSpec spec, Weights weights, Provenance provenance, History history) {

    public SavedModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(history, "history");
    }

    /** Captures a trained model and its history. */
    public static SavedModel of(Model model, History history) {
        return new SavedModel(model.spec(), model.weights(), model.provenance(), history);
    }
}
