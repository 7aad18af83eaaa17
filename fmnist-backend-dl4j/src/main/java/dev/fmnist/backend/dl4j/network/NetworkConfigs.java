package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.ModelSpec;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Turns the API's model description into a DL4J network plan ({@link LayerPlan}: the configuration and the
 * parameter and dropout bindings) with the training settings: float32 throughout, the optimizer's updater,
 * workspaces on. Initial values come from the API later, so DL4J's own initialisation is skipped
 * ({@code ZERO}).
 */
public final class NetworkConfigs {

    private NetworkConfigs() {
    }

    /**
     * The plan for {@code spec}, trained with {@code optimizer}.
     *
     * @throws UnsupportedModelException for layers, options or optimizers this backend cannot run
     */
    public static LayerPlan of(ModelSpec spec, OptimizerConfig optimizer, long seed) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(optimizer))
                .weightInit(WeightInit.ZERO)
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        return LayerPlan.of(spec, base);
    }

    /** The DL4J updater for the API's optimizer, with every parameter explicit (DL4J's Adam epsilon is 1e-8). */
    static IUpdater updater(OptimizerConfig optimizer) {
        if (optimizer instanceof OptimizerConfig.Adam adam) {
            return new Adam(adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon());
        }
        if (optimizer instanceof OptimizerConfig.Sgd sgd) {
            if (sgd.momentum() != 0) {
                // DL4J offers only Nesterov momentum, which is a different update rule.
                throw new UnsupportedModelException("the dl4j backend runs SGD without momentum only (got momentum "
                        + sgd.momentum() + "); use momentum 0 or Adam");
            }
            return new Sgd(sgd.learningRate());
        }
        throw new UnsupportedModelException("the dl4j backend cannot run optimizer " + optimizer);
    }
}
