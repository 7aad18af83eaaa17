package dev.fmnist.backend.pure.nn;

import dev.fmnist.backend.pure.kernel.Kernels;

/** One thread's working buffers, allocated once so that steps and predictions allocate nothing. */
final class Scratch {
    final int[] index;
    final float[] value;
    final float[] valueB;
    final int[] rows;
    /** Per image of a batch (or prediction chunk): its number of non-zero pixels. */
    final int[] counts;
    final float[] coef;
    /** A second coefficient per sample: the training step's first-layer rows go in pairs. */
    final float[] coefB;
    final float[] gradient;
    final float[] gradientB;
    final double[] exps;
    final float[][] out;
    final float[][] outB;
    /** Per layer, three images' outputs side by side (prediction in threes). */
    final float[][] triple;
    final int[] outOff;
    final int[] outOffB;
    /** Per 32 samples, which are non-zero at each of the columns from {@link #maskFrom} (training step). */
    final int[] sampleMasks;
    /** The first column {@link #sampleMasks} describes, or -1 when they are stale. */
    int maskFrom = -1;
    /** The layer whose inputs {@link #sampleMasks} describes. */
    int maskLayer;

    Scratch(DenseNetwork net, int batchCapacity) {
        int width = Math.max(net.maxWidth(), batchCapacity);
        index = new int[width + Kernels.INDEX_SLACK];
        value = new float[width + Kernels.INDEX_SLACK];
        valueB = new float[width + Kernels.INDEX_SLACK];
        rows = new int[batchCapacity];
        counts = new int[batchCapacity];
        coef = new float[batchCapacity];
        coefB = new float[batchCapacity];
        int widest = 0;
        out = new float[net.layers()][];
        outB = new float[net.layers()][];
        triple = new float[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            widest = Math.max(widest, net.stride(l));
            out[l] = new float[net.stride(l)];
            outB[l] = new float[net.stride(l)];
            triple[l] = new float[3 * net.stride(l)];
        }
        gradient = new float[widest];
        gradientB = new float[widest];
        exps = new double[widest];
        outOff = new int[net.layers()];
        outOffB = new int[net.layers()];
        sampleMasks = new int[((batchCapacity + 31) >>> 5) * Kernels.MASK_COLUMNS];
    }

    static Scratch[] forThreads(DenseNetwork net, int threads, int batchCapacity) {
        Scratch[] s = new Scratch[threads];
        for (int i = 0; i < threads; i++) {
            s[i] = new Scratch(net, batchCapacity);
        }
        return s;
    }
}
