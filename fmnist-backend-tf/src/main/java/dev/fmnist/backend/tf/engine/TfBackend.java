package dev.fmnist.backend.tf.engine;

import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.SessionTrainer;
import dev.fmnist.api.training.Trainer;
import dev.fmnist.backend.tf.TfBackendProvider;
import dev.fmnist.backend.tf.session.TfModel;
import dev.fmnist.backend.tf.session.TfTrainingSession;
import dev.fmnist.backend.tf.session.Threads;
import org.tensorflow.TensorFlow;

/**
 * The TensorFlow backend once its natives are loaded. Each trainer run and each model owns its own graph
 * and session, closed with it; the backend itself holds no native state.
 */
public final class TfBackend implements Backend {
    private final String runtimeVersion;
    private final Threads inferenceThreads;

    private TfBackend(String runtimeVersion, Threads inferenceThreads) {
        this.runtimeVersion = runtimeVersion;
        this.inferenceThreads = inferenceThreads;
    }

    /**
     * Loads TensorFlow's native libraries (the first time, javacpp unpacks them into {@code ~/.javacpp/cache})
     * and returns the backend.
     *
     * @throws LinkageError if the natives cannot load; the provider turns it into a
     *         {@link dev.fmnist.api.error.BackendUnavailableException}
     */
    public static TfBackend start() {
        return new TfBackend(TensorFlow.version(), Threads.forInference());
    }

    @Override
    public String name() {
        return TfBackendProvider.NAME;
    }

    @Override
    public String version() {
        return TfBackendProvider.VERSION;
    }

    /** The TensorFlow runtime's own version, such as {@code 2.18.0}. */
    public String runtimeVersion() {
        return runtimeVersion;
    }

    @Override
    public Capabilities capabilities() {
        return TfCapabilities.CAPABILITIES;
    }

    @Override
    public Trainer trainer() {
        return new SessionTrainer(name(), version(), capabilities(),
                (spec, initial, config) -> TfTrainingSession.open(spec, initial, config, inferenceThreads));
    }

    @Override
    public Model load(ModelSpec spec, Weights weights, Provenance provenance) {
        capabilities().require(spec, name());
        return TfModel.load(spec, weights, provenance, inferenceThreads);
    }

    @Override
    public void close() {
        // Graphs and sessions belong to the sessions and models; TensorFlow's runtime cannot be unloaded.
    }
}
