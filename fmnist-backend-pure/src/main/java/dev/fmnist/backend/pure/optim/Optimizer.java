package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.Kernels;

/**
 * Updates parameter tensors from their gradients. {@link #beginStep()} is called once per training
 * step by one thread; {@link #update} may then be called concurrently for disjoint slices.
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

    /**
     * The optimizer a configuration asks for, with zeroed state for tensors of the given sizes.
     *
     * @param config Adam or SGD
     * @param sizes number of floats in each parameter tensor (including any padding)
     * @param kernels the arithmetic to use
     */
    static Optimizer create(OptimizerConfig config, int[] sizes, Kernels kernels) {
        if (config instanceof OptimizerConfig.Adam adam) {
            return new Adam(adam, sizes, kernels);
        }
        if (config instanceof OptimizerConfig.Sgd sgd) {
            return new Sgd(sgd, sizes, kernels);
        }
        throw new IllegalArgumentException("unknown optimizer " + config);
    }
}
