package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.util.List;

/**
 * Updates parameter tensors from their gradients. {@link #beginStep()} is called once per training
 * step by one thread; {@link #update} may then be called concurrently for disjoint slices. Every rule is
 * element-wise, so updating a tensor slice by slice gives the same bits as updating it whole; Keras's
 * decoupled weight decay ({@code w -= w * wd * lr}) is applied to each slice just before its update.
 */
public interface Optimizer {

    /** Advances the step counter and prepares per-step constants. */
    void beginStep();

    /** Steps taken so far. */
    long steps();

    /**
     * Updates {@code w[off..off+len)} of tensor {@code tensor} with the gradient {@code g[gOff..gOff+len)}.
     *
     * @param tensor index of the tensor, as in the sizes given at creation
     */
    void update(int tensor, float[] w, int off, float[] g, int gOff, int len);

    /** The learning rate of the next step. */
    double learningRate();

    /** Sets the learning rate from the next step on (between steps only). */
    void setLearningRate(double learningRate);

    /** Keras's names of the state slots each tensor has, such as {@code momentum} and {@code velocity}. */
    List<String> slotNames();

    /** The state of slot {@code slot} (an index into {@link #slotNames()}) for a tensor, in place. */
    float[] slot(int slot, int tensor);

    /** Continues counting from {@code value} steps (resuming a saved state). */
    void restoreSteps(long value);

    /**
     * The optimizer a configuration asks for, with zeroed state for tensors of the given sizes.
     *
     * @param config any of the API's optimizers
     * @param sizes number of floats in each parameter tensor (including any padding)
     * @param kernels the arithmetic to use
     */
    static Optimizer create(OptimizerConfig config, int[] sizes, Kernels kernels) {
        if (config instanceof OptimizerConfig.Adam adam) {
            return new Adam(adam, sizes, kernels);
        }
        if (config instanceof OptimizerConfig.AdamW adamW) {
            return new Adam(adamW.asAdam(), sizes, kernels);
        }
        if (config instanceof OptimizerConfig.Sgd sgd) {
            return new Sgd(sgd, sizes, kernels);
        }
        if (config instanceof OptimizerConfig.RmsProp rms) {
            return new RmsProp(rms, sizes);
        }
        throw new IllegalArgumentException("unknown optimizer " + config);
    }

    /** Keras's decoupled weight decay on a slice: {@code w = w - w * wd * lr}, in float. */
    static void decay(float[] w, int off, int len, float weightDecay, float learningRate) {
        for (int i = off; i < off + len; i++) {
            w[i] = w[i] - w[i] * weightDecay * learningRate;
        }
    }

    /** Zeroed state arrays, one per tensor. */
    static float[][] zeros(int[] sizes) {
        float[][] out = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            out[i] = new float[sizes[i]];
        }
        return out;
    }
}
