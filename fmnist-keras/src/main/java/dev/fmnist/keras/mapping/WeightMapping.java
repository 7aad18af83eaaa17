package dev.fmnist.keras.mapping;

import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.keras.container.LayerArrays;
import dev.fmnist.keras.hdf5.FloatArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keras's stored weights as fmnist's portable parameters. Keras and fmnist keep the same layouts (Dense
 * kernel {@code [in, out]}, Conv2D kernel {@code [kh, kw, in, out]}, BatchNormalization gamma, beta, moving
 * mean, moving variance, each present only when the layer has it), so the mapping pairs them in order, as
 * Keras loads by order, and checks every shape.
 */
public final class WeightMapping {
    private WeightMapping() {
    }

    /** The portable weights of {@code spec} from the layers' stored arrays, in model order. */
    public static Weights toWeights(ModelSpec spec, List<LayerArrays> layers, String label) {
        Map<String, int[]> shapes = spec.parameterShapes();
        List<String> where = new ArrayList<>();
        List<FloatArray> arrays = new ArrayList<>();
        for (LayerArrays l : layers) {
            for (FloatArray a : l.arrays()) {
                arrays.add(a);
                where.add(l.layer());
            }
        }
        if (arrays.size() != shapes.size()) {
            throw new ModelFormatException(label + " has " + arrays.size() + " weight arrays in "
                    + layers.stream().filter(l -> !l.arrays().isEmpty()).count() + " layers, but the model '"
                    + spec.name() + "' needs " + shapes.size() + " (" + String.join(", ", shapes.keySet()) + ")");
        }
        List<Tensor> tensors = new ArrayList<>();
        Iterator<Map.Entry<String, int[]>> expected = shapes.entrySet().iterator();
        for (int i = 0; i < arrays.size(); i++) {
            Map.Entry<String, int[]> e = expected.next();
            FloatArray a = arrays.get(i);
            if (!Arrays.equals(a.shape(), e.getValue())) {
                throw new ModelFormatException(label + ": layer " + where.get(i) + " has a weight of shape "
                        + Arrays.toString(a.shape()) + " where the model needs " + e.getKey() + " "
                        + Arrays.toString(e.getValue()));
            }
            tensors.add(new Tensor(e.getKey(), e.getValue(), a.values()));
        }
        return new Weights(tensors);
    }
}
