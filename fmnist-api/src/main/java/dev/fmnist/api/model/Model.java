package dev.fmnist.api.model;

/**
 * A trained classifier on some backend. Immutable in what it predicts; carries its description and
 * provenance, and exports its parameters in the portable layout so any backend can load them.
 * Close it to release native resources.
 *
 * <p><b>Threads and ownership.</b> Every backend's model may be asked to predict from any number of
 * threads at once (the conformance kit and each backend's tests check it against single-threaded
 * results); {@link #close()} must not race with a prediction. Whoever creates a model (a trainer's
 * result, {@link dev.fmnist.api.spi.Backend#load}) owns it and closes it, before the backend that made
 * it is closed.
 */
public interface Model extends Predictor, AutoCloseable {

    /** The network this model runs. */
    ModelSpec spec();

    /** Where the model came from: backend, training settings, data, metrics. */
    Provenance provenance();

    /** The parameters in the portable layout (a copy the caller owns). */
    Weights weights();

    /**
     * The same model with other provenance (for example after adding test metrics). The result is
     * independent of this model: closing either leaves the other usable, and each must be closed.
     */
    Model withProvenance(Provenance provenance);

    @Override
    void close();
}
