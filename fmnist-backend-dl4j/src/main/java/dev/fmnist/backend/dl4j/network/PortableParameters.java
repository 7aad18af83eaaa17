package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Maps DL4J's parameters to the portable layout and back. DL4J keeps layer {@code i}'s kernel as
 * {@code "i_W"}, shape {@code [nIn, nOut]} like the portable kernel, but as a view of the network's flat
 * parameter vector in column-major ('f') order: the weight from input r to unit c sits at
 * {@code c * nIn + r} there and at {@code r * nOut + c} in the portable file. Copies therefore go through
 * shaped arrays ({@code assign} and {@code toFlattened('c', ...)}), never through raw buffers. Biases are {@code [1, nOut]}.
 */
public final class PortableParameters {

    private PortableParameters() {
    }

    /** Sets the network's parameters from portable weights (already checked against the description). */
    public static void set(MultiLayerNetwork net, ModelSpec spec, Weights weights) {
        int layer = 0;
        for (Map.Entry<String, int[]> e : spec.parameterShapes().entrySet()) {
            int[] shape = e.getValue();
            Tensor t = weights.get(e.getKey());
            if (shape.length == 2) {
                net.getParam(layer + "_" + DefaultParamInitializer.WEIGHT_KEY)
                        .assign(Nd4j.create(t.data(), new long[] {shape[0], shape[1]}, 'c'));
            } else {
                net.getParam(layer + "_" + DefaultParamInitializer.BIAS_KEY)
                        .assign(Nd4j.create(t.data(), new long[] {1, shape[0]}, 'c'));
                layer++;
            }
        }
    }

    /** The network's parameters in the portable layout (fresh arrays). */
    public static Weights get(MultiLayerNetwork net, ModelSpec spec) {
        List<Tensor> tensors = new ArrayList<>();
        int layer = 0;
        for (Map.Entry<String, int[]> e : spec.parameterShapes().entrySet()) {
            int[] shape = e.getValue();
            String key = shape.length == 2 ? DefaultParamInitializer.WEIGHT_KEY : DefaultParamInitializer.BIAS_KEY;
            INDArray p = net.getParam(layer + "_" + key);
            tensors.add(new Tensor(e.getKey(), shape, Nd4j.toFlattened('c', p).toFloatVector()));
            if (shape.length == 1) {
                layer++;
            }
        }
        return new Weights(tensors);
    }
}
