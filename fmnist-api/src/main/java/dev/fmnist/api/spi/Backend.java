package dev.fmnist.api.spi;

import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.Trainer;

/** A running backend: trains models and loads portable weights. Close it to release native resources. */
public interface Backend extends AutoCloseable {

    /** The backend's name, as its provider says. */
    String name();

    /** The version of the library the backend runs on. */
    String version();

    /**
     * What this backend can run. {@link #trainer()} and {@link #load} refuse anything else with
     * {@link dev.fmnist.api.error.UnsupportedModelException} naming the layer and option. Defaults to dense
     * stacks.
     */
    default Capabilities capabilities() {
        return Capabilities.denseStacks();
    }

    /** A trainer on this backend. */
    Trainer trainer();

    /**
     * A model from portable weights, as read from a model file written by any backend.
     *
     * @throws dev.fmnist.api.error.UnsupportedModelException if this backend cannot run the network
     * @throws dev.fmnist.api.error.InvalidInputException if the weights do not fit the description
     */
    Model load(ModelSpec spec, Weights weights, Provenance provenance);

    @Override
    void close();
}
