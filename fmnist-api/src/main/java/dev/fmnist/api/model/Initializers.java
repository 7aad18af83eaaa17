package dev.fmnist.api.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Initial weights as Keras makes them by default, for every parameter of {@link ModelSpec#parameters()}:
 * Glorot (Xavier) uniform kernels in {@code [-sqrt(6 / (fanIn + fanOut)), +sqrt(6 / (fanIn + fanOut))]},
 * zero biases, BatchNormalization's gamma and moving variance one, beta and moving mean zero. Every backend
 * starts from these, so one seed gives the same starting point everywhere.
 */
public final class Initializers {
    private Initializers() {
    }

    /**
     * Keras's default initial values for {@code spec}, drawn from {@code seed}: one
     * {@link SplittableRandom} walks the parameters in order, and each Glorot-uniform tensor takes one
     * {@code nextDouble()} per value in row-major order as {@code (u * 2 - 1) * limit}; constant tensors draw
     * nothing (so a dense stack's draws are the same as before other layer types existed).
     */
    public static Weights glorotUniform(ModelSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> tensors = new ArrayList<>();
        for (ParameterSpec p : spec.parameters()) {
            float[] data = new float[(int) p.size()];
            if (p.initializer() instanceof Initializer.GlorotUniform g) {
                double limit = g.limit();
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
            } else if (p.initializer() instanceof Initializer.Constant c) {
                Arrays.fill(data, c.value());
            }
            tensors.add(new Tensor(p.name(), p.shape(), data));
        }
        return new Weights(tensors);
    }
}
