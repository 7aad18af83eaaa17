package dev.fmnist.backend.tf.session;

import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import java.util.Objects;

/** A trained network on TensorFlow: an inference graph holding its weights, plus its provenance. */
public final class TfModel implements Model {
    private final GraphRunner runner;
    private final Provenance provenance;
    private final Threads threads;

    private TfModel(GraphRunner runner, Provenance provenance, Threads threads) {
        this.runner = runner;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.threads = threads;
    }

    /**
     * A model from portable weights.
     *
     * @throws dev.fmnist.api.error.UnsupportedModelException for layers the backend cannot run
     * @throws dev.fmnist.api.error.InvalidInputException if the weights do not fit {@code spec}
     */
    public static TfModel load(ModelSpec spec, Weights weights, Provenance provenance, Threads threads) {
        Objects.requireNonNull(provenance, "provenance");
        return new TfModel(GraphRunner.forInference(spec, weights, threads), provenance, threads);
    }

    @Override
    public ModelSpec spec() {
        return runner.spec();
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public Weights weights() {
        return runner.weights();
    }

    /** The same weights in a graph of their own, so either model can be closed independently. */
    @Override
    public Model withProvenance(Provenance other) {
        return load(spec(), weights(), other, threads);
    }

    @Override
    public void predict(float[] images, int count, float[] probabilities) {
        runner.predict(images, count, probabilities);
    }

    @Override
    public void close() {
        runner.close();
    }
}
