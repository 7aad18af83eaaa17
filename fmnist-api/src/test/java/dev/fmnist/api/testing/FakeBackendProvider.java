package dev.fmnist.api.testing;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.api.training.SessionTrainer;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.api.training.Trainer;
import dev.fmnist.api.training.TrainingSession;

/**
 * A backend for tests, defined only in test sources: plain scalar Java, single-threaded, deterministic.
 * It lets the API's conformance kit run before any real backend exists, and serves as a plugin in the
 * CLI's plugin tests. Not registered in {@code META-INF/services}: tests that want it add it themselves.
 */
public final class FakeBackendProvider implements BackendProvider {
    /** The fake backend's name. */
    public static final String NAME = "fake";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "scalar test backend (test sources only)";
    }

    @Override
    public String version() {
        return Fmnist.VERSION;
    }

    @Override
    public boolean usesNativeCode() {
        return false;
    }

    @Override
    public int rank() {
        return -100;
    }

    /** Flatten and Dense with a bias and ReLU or linear activations, softmax last: what {@link ScalarNetwork} runs. */
    public static final Capabilities CAPABILITIES = Capabilities.builder().allow(LayerSpec.Flatten.class)
            .allow(LayerSpec.Dense.class, "relu, linear; softmax last", (d, node, last) ->
                    !d.useBias() ? "use_bias=false"
                            : d.activation() == Activation.SOFTMAX ? (last ? null : "activation 'softmax' on a hidden layer")
                            : d.activation() == Activation.RELU || d.activation() == Activation.LINEAR ? null
                            : "activation '" + d.activation().keyword() + "'")
            .build();

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Backend create() {
        return new FakeBackend();
    }

    private static final class FakeBackend implements Backend {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String version() {
            return Fmnist.VERSION;
        }

        @Override
        public Capabilities capabilities() {
            return CAPABILITIES;
        }

        @Override
        public Trainer trainer() {
            return new SessionTrainer(NAME, version(), CAPABILITIES, (spec, initial, config) ->
                    new FakeSession(new ScalarNetwork(spec, initial, config.optimizer())));
        }

        @Override
        public Model load(ModelSpec spec, Weights weights, Provenance provenance) {
            CAPABILITIES.require(spec, NAME);
            return new FakeModel(new ScalarNetwork(spec, weights, OptimizerConfig.Adam.keras()), provenance);
        }

        @Override
        public void close() {
        }
    }

    private record FakeSession(ScalarNetwork net) implements TrainingSession {
        @Override
        public void step(Batch batch, StepContext context, StepMetrics metrics) {
            net.step(batch, metrics);
        }

        @Override
        public Weights weights() {
            return net.weights();
        }

        @Override
        public void setLearningRate(double learningRate) {
            net.optimizer().setLearningRate(learningRate);
        }

        @Override
        public void setWeights(Weights weights) {
            net.setWeights(weights);
        }

        @Override
        public OptimizerState optimizerState() {
            return net.optimizer().state();
        }

        @Override
        public void restoreOptimizerState(OptimizerState state) {
            if (!state.optimizer().equals(net.optimizerName())) {
                throw new InvalidInputException("saved state is " + state.optimizer() + "'s, training uses "
                        + net.optimizerName());
            }
            net.optimizer().restore(state);
        }

        @Override
        public Model toModel(Provenance provenance) {
            return new FakeModel(net, provenance);
        }

        @Override
        public void predict(float[] images, int count, float[] probabilities) {
            net.predict(images, count, probabilities);
        }

        @Override
        public void close() {
        }
    }

    private record FakeModel(ScalarNetwork net, Provenance provenance) implements Model {
        @Override
        public ModelSpec spec() {
            return net.spec();
        }

        @Override
        public Weights weights() {
            return net.weights();
        }

        @Override
        public Model withProvenance(Provenance p) {
            return new FakeModel(net, p);
        }

        @Override
        public void predict(float[] images, int count, float[] probabilities) {
            net.predict(images, count, probabilities);
        }

        @Override
        public void close() {
        }
    }
}
