package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.ModelSpec;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
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

    /**
     * The DL4J updater for the API's optimizer, with every parameter explicit (DL4J's Adam epsilon is 1e-8).
     * DL4J's Adam, AMSGrad and Nesterovs compute Keras's formulas (tested against the API's reference).
     * Refused by name: classical momentum (DL4J has none), RMSprop (DL4J adds epsilon outside the square
     * root, Keras inside: the updates differ where gradients are small) and weight decay (DL4J's
     * {@code WeightDecay} did not follow Keras's {@code w -= w * wd * lr} in the reference test).
     */
    static IUpdater updater(OptimizerConfig optimizer) {
        if (optimizer.weightDecay() > 0) {
            throw new UnsupportedModelException("the dl4j backend cannot run " + optimizer.name() + " with Keras's "
                    + "weight decay (got " + optimizer.weightDecay() + "); use the pure or tf backend");
        }
        if (optimizer instanceof OptimizerConfig.AdamW w) {
            return updater(w.asAdam());
        }
        if (optimizer instanceof OptimizerConfig.Adam adam) {
            return adam.amsgrad()
                    ? new AMSGrad(adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon())
                    : new Adam(adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon());
        }
        if (optimizer instanceof OptimizerConfig.Sgd sgd) {
            if (sgd.momentum() == 0) {
                return new Sgd(sgd.learningRate());
            }
            if (!sgd.nesterov()) {
                // DL4J offers only Nesterov momentum, which is a different update rule.
                throw new UnsupportedModelException("the dl4j backend cannot run SGD with classical momentum (got "
                        + "momentum " + sgd.momentum() + "); use Nesterov momentum (--nesterov), momentum 0 or Adam");
            }
            return new Nesterovs(sgd.learningRate(), sgd.momentum());
        }
        if (optimizer instanceof OptimizerConfig.RmsProp) {
            throw new UnsupportedModelException("the dl4j backend cannot run RMSprop as Keras does (DL4J adds "
                    + "epsilon outside the square root); use the pure or tf backend");
        }
        throw new UnsupportedModelException("the dl4j backend cannot run optimizer " + optimizer.name());
    }
}
