package dev.fmnist.keras.write;

import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.keras.config.KerasLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's portable tensors by Keras layer: the portable name of a parameter is the layer's name, a slash and
 * Keras's weight name ({@code dense_1/kernel}), so each layer takes the tensors named after it, in order.
 *
 * @param layer the Keras layer
 * @param tensors its tensors in Keras's order (empty for layers without weights)
 */
record LayerTensors(KerasLayer layer, List<Tensor> tensors) {

    LayerTensors {
        tensors = List.copyOf(tensors);
    }

    /** Keras's weight name of a tensor ({@code kernel}, {@code bias}, {@code gamma}, ...). */
    static String variable(Tensor t) {
        return t.name().substring(t.name().lastIndexOf('/') + 1);
    }

    /** Each leaf layer of {@code model} with its tensors. */
    static List<LayerTensors> of(KerasLayer model, Weights weights) {
        List<Tensor> all = weights.tensors();
        List<LayerTensors> out = new ArrayList<>();
        int taken = 0;
        for (KerasLayer l : model.leaves()) {
            List<Tensor> own = new ArrayList<>();
            for (Tensor t : all) {
                if (t.name().startsWith(l.name() + "/") && t.name().indexOf('/', l.name().length() + 1) < 0) {
                    own.add(t);
                }
            }
            taken += own.size();
            out.add(new LayerTensors(l, own));
        }
        if (taken != all.size()) {
            throw new UnsupportedModelException("the model has weights no Keras layer takes (" + all.size()
                    + " tensors, " + taken + " placed)");
        }
        return out;
    }
}
