package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Turns the API's model description into a DL4J {@link MultiLayerConfiguration}: each Dense layer becomes
 * a {@link DenseLayer}, the final Dense(10, softmax) an {@link OutputLayer} with multi-class cross-entropy
 * (on one-hot labels that is exactly the sparse categorical cross-entropy the API defines, and DL4J
 * back-propagates it as {@code softmax - onehot}). Flatten is the identity on {@code [n, 784]} input.
 * Initial values come from the API later, so DL4J's own initialisation is skipped ({@code ZERO}).
 */
public final class NetworkConfigs {

    private NetworkConfigs() {
    }

    /**
     * The configuration for {@code spec}, trained with {@code optimizer}, float32 throughout.
     *
     * @throws UnsupportedModelException for layers, activations or optimizers this backend cannot run
     */
    public static MultiLayerConfiguration of(ModelSpec spec, OptimizerConfig optimizer, long seed) {
        List<LayerSpec.Dense> dense = checkLayers(spec);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(optimizer))
                .weightInit(WeightInit.ZERO)
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int width = Images.PIXELS;
        for (int i = 0; i < dense.size(); i++) {
            LayerSpec.Dense d = dense.get(i);
            if (i < dense.size() - 1) {
                list.layer(i, new DenseLayer.Builder().nIn(width).nOut(d.units())
                        .activation(hiddenActivation(d.activation())).build());
            } else {
                list.layer(i, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(width)
                        .nOut(d.units()).activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build());
            }
            width = d.units();
        }
        return list.build();
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

    private static List<LayerSpec.Dense> checkLayers(ModelSpec spec) {
        for (LayerSpec l : spec.layers()) {
            if (!(l instanceof LayerSpec.Flatten) && !(l instanceof LayerSpec.Dense)) {
                throw new UnsupportedModelException("the dl4j backend cannot run layer '" + l.type()
                        + "' yet; it runs flatten and dense layers");
            }
        }
        List<LayerSpec.Dense> dense = spec.denseLayers();
        for (int i = 0; i < dense.size() - 1; i++) {
            hiddenActivation(dense.get(i).activation());
        }
        return dense;
    }

    private static org.nd4j.linalg.activations.Activation hiddenActivation(Activation a) {
        return switch (a) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LINEAR -> org.nd4j.linalg.activations.Activation.IDENTITY;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SOFTMAX -> throw new UnsupportedModelException(
                    "the dl4j backend runs softmax only on the last layer, not on a hidden one");
        };
    }
}
