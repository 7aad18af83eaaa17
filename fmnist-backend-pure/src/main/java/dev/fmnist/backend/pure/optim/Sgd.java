package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.Kernels;

/** Stochastic gradient descent with classical momentum, as Keras: {@code vel = momentum vel - lr g; w += vel}. */
public final class Sgd implements Optimizer {
    private final float learningRate;
    private final float momentum;
    private final float[][] velocity;
    private final Kernels kernels;
    private long steps;

    Sgd(OptimizerConfig.Sgd config, int[] sizes, Kernels kernels) {
        this.learningRate = (float) config.learningRate();
        this.momentum = (float) config.momentum();
        this.kernels = kernels;
        velocity = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            velocity[i] = new float[sizes[i]];
        }
    }

    @Override
    public void beginStep() {
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void update(int tensor, float[] w, int off, float[] g, int gOff, int len) {
        kernels.sgd(w, velocity[tensor], off, g, gOff, len, learningRate, momentum);
    }
}
