package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.Kernels;

/**
 * Adam as Keras (TensorFlow's {@code ApplyAdam}) computes it in float: at step {@code t},
 * {@code alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m += (g - m)(1 - beta1)},
 * {@code v += (g^2 - v)(1 - beta2)}, {@code w -= alpha m / (sqrt(v) + epsilon)}. The bias correction
 * sits in {@code alpha}, and epsilon is added to {@code sqrt(v)} uncorrected, as Keras does.
 */
public final class Adam implements Optimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float epsilon;
    private final float[][] m;
    private final float[][] v;
    private final Kernels kernels;
    private long steps;
    private float alpha;

    Adam(OptimizerConfig.Adam config, int[] sizes, Kernels kernels) {
        this.learningRate = config.learningRate();
        this.beta1 = config.beta1();
        this.beta2 = config.beta2();
        this.oneMinusBeta1 = (float) (1 - beta1);
        this.oneMinusBeta2 = (float) (1 - beta2);
        this.epsilon = (float) config.epsilon();
        this.kernels = kernels;
        m = new float[sizes.length][];
        v = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            m[i] = new float[sizes[i]];
            v[i] = new float[sizes[i]];
        }
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
        kernels.adam(w, m[tensor], v[tensor], off, g, gOff, len, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
    }
}
