package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.util.List;

/**
 * Stochastic gradient descent as Keras computes it in float: {@code w -= g * lr} without momentum;
 * with momentum {@code m = m * momentum - g * lr}, then {@code w += m}, or with Nesterov
 * {@code w += m * momentum - g * lr}. A weight decay first shrinks each weight by {@code w * wd * lr}.
 */
public final class Sgd implements Optimizer {
    private static final List<String> SLOTS = List.of("momentum");

    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final float[][] velocity;
    private final Kernels kernels;
    private double rate;
    private float learningRate;
    private long steps;

    Sgd(OptimizerConfig.Sgd config, int[] sizes, Kernels kernels) {
        this.rate = config.learningRate();
        this.learningRate = (float) rate;
        this.momentum = (float) config.momentum();
        this.nesterov = config.nesterov();
        this.weightDecay = (float) config.weightDecay();
        this.kernels = kernels;
        velocity = momentum == 0 ? null : Optimizer.zeros(sizes);
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
        if (weightDecay != 0) {
            Optimizer.decay(w, off, len, weightDecay, learningRate);
        }
        if (velocity == null) {
            for (int i = 0; i < len; i++) {
                w[off + i] -= g[gOff + i] * learningRate;
            }
        } else if (!nesterov) {
            kernels.sgd(w, velocity[tensor], off, g, gOff, len, learningRate, momentum);
        } else {
            float[] vt = velocity[tensor];
            for (int i = 0; i < len; i++) {
                int j = off + i;
                float step = g[gOff + i] * learningRate;
                float vel = vt[j] * momentum - step;
                vt[j] = vel;
                w[j] += vel * momentum - step;
            }
        }
    }

    @Override
    public double learningRate() {
        return rate;
    }

    @Override
    public void setLearningRate(double value) {
        rate = value;
        learningRate = (float) value;
    }

    @Override
    public List<String> slotNames() {
        return velocity == null ? List.of() : SLOTS;
    }

    @Override
    public float[] slot(int slot, int tensor) {
        return velocity[tensor];
    }

    @Override
    public void restoreSteps(long value) {
        steps = value;
    }
}
