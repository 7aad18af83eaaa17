package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.DropoutMasks;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.backend.dl4j.runtime.Nd4jRuntime;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J {@link MultiLayerNetwork} built from the API's description and portable weights, with
 * prediction from plain float arrays. DL4J's network is not safe for concurrent use (it keeps each layer's
 * input and its workspaces per network), so every use holds this object's lock: {@link #predict} takes it,
 * and the training session takes it around each step.
 */
public final class Dl4jNetwork implements Predictor {
    private final ModelSpec spec;
    private final LayerPlan plan;
    private final MultiLayerNetwork net;
    private final HostArrays inputs = new HostArrays();
    private final Map<Integer, INDArray> maskArrays = new HashMap<>();
    private float[] scaled = new float[0];
    private float[] mask = new float[0];
    private float[] permuted = new float[0];

    private Dl4jNetwork(ModelSpec spec, LayerPlan plan, MultiLayerNetwork net) {
        this.spec = spec;
        this.plan = plan;
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
        LayerPlan plan = NetworkConfigs.of(spec, optimizer, seed);
        initial.checkMatches(spec);
        MultiLayerNetwork net = new MultiLayerNetwork(plan.configuration());
        net.init();
        PortableParameters.set(net, plan, initial);
        return new Dl4jNetwork(spec, plan, net);
    }

    /** A network that only predicts (its optimizer is never used). */
    public static Dl4jNetwork forInference(ModelSpec spec, Weights weights) {
        return forTraining(spec, weights, OptimizerConfig.Adam.keras(), 0);
    }

    /** The description this network runs. */
    public ModelSpec spec() {
        return spec;
    }

    /** How the network maps onto DL4J. */
    public LayerPlan plan() {
        return plan;
    }

    /** The DL4J network itself, for the training session. */
    public MultiLayerNetwork dl4j() {
        return net;
    }

    /** The current parameters in the portable layout. */
    public synchronized Weights weights() {
        return PortableParameters.get(net, spec, plan);
    }

    /**
     * The images as a reused {@code [count, 784]} array, rescaled to the description's input range (DL4J's
     * input type turns them into {@code [count, 1, 28, 28]} for a convolutional network). Callers hold this
     * object's lock.
     */
    public INDArray features(float[] images, int count) {
        InputRange range = spec.inputRange();
        if (range.isUnit()) {
            return inputs.rows(images, count, Images.PIXELS);
        }
        int size = count * Images.PIXELS;
        if (scaled.length < size) {
            scaled = new float[size];
        }
        for (int i = 0; i < size; i++) {
            scaled[i] = range.fromUnit(images[i]);
        }
        return inputs.rows(scaled, count, Images.PIXELS);
    }

    /**
     * Puts the API's dropout masks for this step ({@link DropoutMasks}) into the dropout layers, permuted to
     * DL4J's channels-first order where DL4J holds the values that way. Callers hold this object's lock.
     */
    public void useDropoutMasks(StepContext context, int count) {
        for (LayerPlan.DropoutBinding d : plan.dropouts()) {
            int size = count * d.sampleSize();
            if (mask.length < size) {
                mask = new float[size];
                permuted = new float[size];
            }
            DropoutMasks.fill(DropoutMasks.key(context, d.layer()), d.rate(), 0, mask, 0, size);
            float[] values = mask;
            if (d.channelsFirst() != null) {
                int[] hwc = d.channelsFirst();
                KerasLayouts.channelsLastToFirst(mask, count, hwc[0], hwc[1], hwc[2], permuted);
                values = permuted;
            }
            INDArray array = maskArrays.get(d.layer());
            if (array == null || array.size(0) != count) {
                long[] shape = new long[d.dl4jShape().length + 1];
                shape[0] = count;
                System.arraycopy(d.dl4jShape(), 0, shape, 1, d.dl4jShape().length);
                array = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', shape);
                maskArrays.put(d.layer(), array);
            }
            array.data().asNio().asFloatBuffer().put(values, 0, size);
            d.slot().set(array);
        }
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
