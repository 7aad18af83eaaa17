package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.backend.dl4j.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link MultiLayerNetwork} built from the API's description and portable weights, with
 * prediction from plain float arrays. Not safe for concurrent use by itself: callers synchronise on it
 * ({@link #predict} does).
 */
public final class Dl4jNetwork implements Predictor {
    private final ModelSpec spec;
    private final MultiLayerNetwork net;
    private final HostArrays inputs = new HostArrays();

    private Dl4jNetwork(ModelSpec spec, MultiLayerNetwork net) {
        this.spec = spec;
        this.net = net;
    }

    /**
     * A network for training with {@code optimizer}, starting from {@code initial}.
     *
     * @throws dev.fmnist.api.error.UnsupportedModelException for what DL4J cannot run here
     * @throws dev.fmnist.api.error.InvalidInputException if the weights do not fit the description
     */
    public static Dl4jNetwork forTraining(ModelSpec spec, Weights initial, OptimizerConfig optimizer, long seed) {
        // The layers first: "cannot run conv2d" says more than "conv2d has no parameter layout".
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkConfigs.of(spec, optimizer, seed));
        initial.checkMatches(spec);
        net.init();
        PortableParameters.set(net, spec, initial);
        return new Dl4jNetwork(spec, net);
    }

    /** A network that only predicts (its optimizer is never used). */
    public static Dl4jNetwork forInference(ModelSpec spec, Weights weights) {
        return forTraining(spec, weights, OptimizerConfig.Adam.keras(), 0);
    }

    /** The description this network runs. */
    public ModelSpec spec() {
        return spec;
    }

    /** The DL4J network itself, for the training session. */
    public MultiLayerNetwork dl4j() {
        return net;
    }

    /** The current parameters in the portable layout. */
    public synchronized Weights weights() {
        return PortableParameters.get(net, spec);
    }

    /** The images as a reused {@code [count, 784]} array. Callers hold this object's lock. */
    public INDArray features(float[] images, int count) {
        return inputs.rows(images, count, Images.PIXELS);
    }

    @Override
    public synchronized void predict(float[] images, int count, float[] probabilities) {
        Predictor.checkShapes(images, count, probabilities);
        if (count == 0) {
            return;
        }
        Nd4jRuntime.onThisThread();
        INDArray out = net.output(features(images, count), false);
        HostArrays.read(out, probabilities, count * FashionClass.COUNT);
    }
}
