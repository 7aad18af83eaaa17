package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.util.List;

/**
 * Adam as Keras (TensorFlow's {@code ApplyAdam}) computes it in float: at step {@code t},
 * {@code alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m += (g - m)(1 - beta1)},
 * {@code v += (g^2 - v)(1 - beta2)}, {@code w -= alpha m / (sqrt(v) + epsilon)}. The bias correction
 * sits in {@code alpha}, and epsilon is added to {@code sqrt(v)} uncorrected, as Keras does. With AMSGrad
 * the largest {@code v} so far ({@code velocity_hat}) takes {@code v}'s place in the denominator; with a
 * weight decay (AdamW) each weight first shrinks by {@code w * wd * lr}.
 */
public final class Adam implements Optimizer {
    private static final List<String> SLOTS = List.of("momentum", "velocity");
    private static final List<String> AMSGRAD_SLOTS = List.of("momentum", "velocity", "velocity_hat");

    private final double beta1;
    private final double beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float epsilon;
    private final boolean amsgrad;
    private final float weightDecay;
    private final float[][] m;
    private final float[][] v;
    private final float[][] vHat;
    private final Kernels kernels;
    private double learningRate;
    private long steps;
    private float alpha;

    Adam(OptimizerConfig.Adam config, int[] sizes, Kernels kernels) {
        this.learningRate = config.learningRate();
        this.beta1 = config.beta1();
        this.beta2 = config.beta2();
        this.oneMinusBeta1 = (float) (1 - beta1);
        this.oneMinusBeta2 = (float) (1 - beta2);
        this.epsilon = (float) config.epsilon();
        this.amsgrad = config.amsgrad();
        this.weightDecay = (float) config.weightDecay();
        this.kernels = kernels;
        m = Optimizer.zeros(sizes);
        v = Optimizer.zeros(sizes);
        vHat = amsgrad ? Optimizer.zeros(sizes) : null;
    }

    @Override
    public void beginStep() {
        steps++;
        alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps)));
    }

    @Override
    public long steps() {
        return steps;
    }

    /** The step size of the current step, {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)}. */
    public float alpha() {
        return alpha;
    }

    @Override
    public void update(int tensor, float[] w, int off, float[] g, int gOff, int len) {
        if (weightDecay != 0) {
            Optimizer.decay(w, off, len, weightDecay, (float) learningRate);
        }
        if (!amsgrad) {
            kernels.adam(w, m[tensor], v[tensor], off, g, gOff, len, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
            return;
        }
        float[] mt = m[tensor];
        float[] vt = v[tensor];
        float[] ht = vHat[tensor];
        for (int i = 0; i < len; i++) {
            int j = off + i;
            float gi = g[gOff + i];
            float mi = Math.fma(gi - mt[j], oneMinusBeta1, mt[j]);
            float vi = Math.fma(gi * gi - vt[j], oneMinusBeta2, vt[j]);
            float hi = Math.max(ht[j], vi);
            mt[j] = mi;
            vt[j] = vi;
            ht[j] = hi;
            w[j] -= (mi * alpha) / ((float) Math.sqrt(hi) + epsilon);
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double value) {
        learningRate = value;
    }

    @Override
    public List<String> slotNames() {
        return amsgrad ? AMSGRAD_SLOTS : SLOTS;
    }

    @Override
    public float[] slot(int slot, int tensor) {
        return switch (slot) {
            case 0 -> m[tensor];
            case 1 -> v[tensor];
            default -> vHat[tensor];
        };
    }

    @Override
    public void restoreSteps(long value) {
        steps = value;
    }
}
