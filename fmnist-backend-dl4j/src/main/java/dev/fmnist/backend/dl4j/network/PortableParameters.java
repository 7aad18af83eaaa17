package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies parameters between the portable layout and DL4J, through each parameter's {@link ParamBinding}.
 * DL4J's parameters are views of the network's flat parameter vector in its own order (dense kernels
 * column-major), so copies go through shaped arrays ({@code assign} and {@code toFlattened('c', ...)}), never
 * raw buffers; the layout differences themselves are {@link KerasLayouts}'s.
 */
public final class PortableParameters {

    private PortableParameters() {
    }

    /** Sets the network's parameters from portable weights (already checked against the description). */
    public static void set(MultiLayerNetwork net, LayerPlan plan, Weights weights) {
        for (ParamBinding b : plan.params()) {
            Tensor t = weights.get(b.name());
            net.getParam(b.key()).assign(Nd4j.create(b.toDl4j(t.data()), b.dl4jShape(), 'c'));
        }
    }

    /** The network's parameters in the portable layout (fresh arrays), in the description's order. */
    public static Weights get(MultiLayerNetwork net, ModelSpec spec, LayerPlan plan) {
        Map<String, int[]> shapes = spec.parameterShapes();
        List<Tensor> tensors = new ArrayList<>();
        for (ParamBinding b : plan.params()) {
            float[] dl4j = Nd4j.toFlattened('c', net.getParam(b.key())).toFloatVector();
            tensors.add(new Tensor(b.name(), shapes.get(b.name()), b.toPortable(dl4j)));
        }
        return new Weights(tensors);
    }
}
