package dev.fmnist.backend.dl4j.model;

import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.backend.dl4j.network.Dl4jNetwork;
import java.util.Objects;

/**
 * A trained (or loaded) model on DL4J. Predictions are serialised on the network, so the model may be
 * shared between threads. {@link #withProvenance} shares the network; closing only marks this instance
 * closed, since ND4J frees the arrays when they are no longer reachable.
 */
public final class Dl4jModel implements Model {
    private final Dl4jNetwork network;
    private final Provenance provenance;
    private volatile boolean closed;

    /** A model over {@code network}, described by {@code provenance}. */
    public Dl4jModel(Dl4jNetwork network, Provenance provenance) {
        this.network = Objects.requireNonNull(network, "network");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public ModelSpec spec() {
        return network.spec();
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public Weights weights() {
        return network.weights();
    }

    @Override
    public Model withProvenance(Provenance other) {
        return new Dl4jModel(network, other);
    }

    @Override
    public void predict(float[] images, int count, float[] probabilities) {
        if (closed) {
            throw new IllegalStateException("this dl4j model has been closed");
        }
        network.predict(images, count, probabilities);
    }

    @Override
    public void close() {
        closed = true;
    }
}
