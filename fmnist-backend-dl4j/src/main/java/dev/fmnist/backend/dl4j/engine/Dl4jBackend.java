package dev.fmnist.backend.dl4j.engine;

import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.SessionTrainer;
import dev.fmnist.api.training.Trainer;
import dev.fmnist.backend.dl4j.Dl4jBackendProvider;
import dev.fmnist.backend.dl4j.model.Dl4jModel;
import dev.fmnist.backend.dl4j.network.Dl4jNetwork;
import dev.fmnist.backend.dl4j.runtime.Nd4jRuntime;
import dev.fmnist.backend.dl4j.training.Dl4jTrainingSession;

/**
 * The running Deeplearning4j backend. Created only through {@link #start()}, which the provider calls by
 * name, so that ND4J is loaded when the backend is first used and never when backends are listed.
 */
public final class Dl4jBackend implements Backend {

    private Dl4jBackend() {
    }

    /** Starts ND4J (see {@link Nd4jRuntime#start()}) and returns the backend. */
    public static Dl4jBackend start() {
        Nd4jRuntime.start();
        return new Dl4jBackend();
    }

    @Override
    public String name() {
        return Dl4jBackendProvider.NAME;
    }

    @Override
    public String version() {
        return Dl4jBackendProvider.DL4J_VERSION;
    }

    @Override
    public Capabilities capabilities() {
        return Dl4jBackendProvider.CAPABILITIES;
    }

    @Override
    public Trainer trainer() {
        return new SessionTrainer(name(), version(), capabilities(), Dl4jTrainingSession::open);
    }

    @Override
    public Model load(ModelSpec spec, Weights weights, Provenance provenance) {
        capabilities().require(spec, name());
        return new Dl4jModel(Dl4jNetwork.forInference(spec, weights), provenance);
    }

    @Override
    public void close() {
        // ND4J's memory belongs to arrays that the garbage collector frees; nothing is held here.
    }
}
