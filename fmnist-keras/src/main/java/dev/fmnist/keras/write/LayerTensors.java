package dev.fmnist.keras.write;

import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.keras.config.KerasLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's portable tensors grouped by Keras layer: the tensors of one layer share the prefix before their
 * last {@code /} ({@code dense_0/kernel}, {@code dense_0/bias}), and those groups go, in order, to the Keras
 * layers that have weights. The part after the {@code /} is Keras's variable name ({@code kernel}).
 *
 * @param layer the Keras layer
 * @param tensors its tensors in Keras's order (empty for layers without weights)
 */
record LayerTensors(KerasLayer layer, List<Tensor> tensors) {
    /** The Keras classes that own weights. */
    static final Set<String> WEIGHTED = Set.of("Dense", "Conv2D", "BatchNormalization");

    LayerTensors {
        tensors = List.copyOf(tensors);
    }

    /** Keras's variable name of a tensor ({@code kernel}, {@code bias}, {@code gamma}, ...). */
    static String variable(Tensor t) {
        return t.name().substring(t.name().lastIndexOf('/') + 1);
    }

    /** Each leaf layer of {@code model} with its tensors. */
    static List<LayerTensors> of(KerasLayer model, Weights weights) {
        Map<String, List<Tensor>> groups = new LinkedHashMap<>();
        for (Tensor t : weights.tensors()) {
            int slash = t.name().lastIndexOf('/');
            groups.computeIfAbsent(slash < 0 ? t.name() : t.name().substring(0, slash), k -> new ArrayList<>()).add(t);
        }
        var next = groups.values().iterator();
        List<LayerTensors> out = new ArrayList<>();
        for (KerasLayer l : model.leaves()) {
            if (WEIGHTED.contains(l.className())) {
                if (!next.hasNext()) {
                    throw new UnsupportedModelException("layer " + l.name() + " has no weights in the model");
                }
                out.add(new LayerTensors(l, next.next()));
            } else {
                out.add(new LayerTensors(l, List.of()));
            }
        }
        if (next.hasNext()) {
            throw new UnsupportedModelException("the model has weights no Keras layer takes");
        }
        return out;
    }
}
