package dev.fmnist.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Initial weights as Keras makes them: Glorot (Xavier) uniform kernels in
 * {@code [-sqrt(6 / (fanIn + fanOut)), +sqrt(6 / (fanIn + fanOut))]} and zero biases. Every backend
 * starts from these, so one seed gives the same starting point everywhere.
 */
public final class Initializers {
    private Initializers() {
    }

    /** Glorot-uniform kernels and zero biases for {@code spec}, drawn from {@code seed}. */
    public static Weights glorotUniform(ModelSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> tensors = new ArrayList<>();
        for (Map.Entry<String, int[]> e : spec.parameterShapes().entrySet()) {
            int[] shape = e.getValue();
            float[] data = new float[(int) Tensor.elementCount(shape)];
            if (shape.length == 2) {
                double limit = Math.sqrt(6.0 / (shape[0] + shape[1]));
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
            }
            tensors.add(new Tensor(e.getKey(), shape, data));
        }
        return new Weights(tensors);
    }
}
