package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop as Keras computes it in float: {@code v = rho*v + (1-rho)*g*g}; centered, also
 * {@code a = rho*a + (1-rho)*g} and the denominator {@code v - a*a + epsilon}, else {@code v + epsilon};
 * {@code inc = lr*g / sqrt(denominator)}; with momentum {@code mom = momentum*mom + inc; w -= mom}, else
 * {@code w -= inc}. A weight decay first shrinks each weight by {@code w * wd * lr}.
 */
public final class RmsProp implements Optimizer {
    private final float rho;
    private final float oneMinusRho;
    private final float momentum;
    private final float epsilon;
    private final boolean centered;
    private final float weightDecay;
    private final float[][] velocity;
    private final float[][] moments;
    private final float[][] averages;
    private final List<String> slotNames = new ArrayList<>();
    private double rate;
    private float learningRate;
    private long steps;

    RmsProp(OptimizerConfig.RmsProp config, int[] sizes) {
        this.rate = config.learningRate();
        this.learningRate = (float) rate;
        this.rho = (float) config.rho();
        this.oneMinusRho = (float) (1 - config.rho());
        this.momentum = (float) config.momentum();
        this.epsilon = (float) config.epsilon();
        this.centered = config.centered();
        this.weightDecay = (float) config.weightDecay();
        velocity = Optimizer.zeros(sizes);
        slotNames.add("velocity");
        moments = momentum > 0 ? Optimizer.zeros(sizes) : null;
        if (moments != null) {
            slotNames.add("momentum");
        }
        averages = centered ? Optimizer.zeros(sizes) : null;
        if (averages != null) {
            slotNames.add("average_gradient");
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
        if (weightDecay != 0) {
            Optimizer.decay(w, off, len, weightDecay, learningRate);
        }
        float[] vt = velocity[tensor];
        float[] mt = moments == null ? null : moments[tensor];
        float[] at = averages == null ? null : averages[tensor];
        for (int i = 0; i < len; i++) {
            int j = off + i;
            float gi = g[gOff + i];
            float vi = rho * vt[j] + oneMinusRho * (gi * gi);
            vt[j] = vi;
            float denominator;
            if (at != null) {
                float ai = rho * at[j] + oneMinusRho * gi;
                at[j] = ai;
                denominator = vi - ai * ai + epsilon;
            } else {
                denominator = vi + epsilon;
            }
            float increment = learningRate * gi / (float) Math.sqrt(denominator);
            if (mt != null) {
                float mi = momentum * mt[j] + increment;
                mt[j] = mi;
                w[j] -= mi;
            } else {
                w[j] -= increment;
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
        return List.copyOf(slotNames);
    }

    @Override
    public float[] slot(int slot, int tensor) {
        return switch (slotNames.get(slot)) {
            case "velocity" -> velocity[tensor];
            case "momentum" -> moments[tensor];
            default -> averages[tensor];
        };
    }

    @Override
    public void restoreSteps(long value) {
        steps = value;
    }
}
