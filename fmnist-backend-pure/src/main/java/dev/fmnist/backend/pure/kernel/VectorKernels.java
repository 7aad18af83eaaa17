package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the Vector API (the {@code jdk.incubator.vector} module), at the platform's widest
 * float vector: 16 lanes with AVX-512. Only {@link KernelSelector} names this class, and only after
 * checking that the module is present, so it is never loaded without it.
 *
 * <p>Each family of loops lives in a class of its own, to which this one delegates:
 * {@link VectorSparseRows} (the dense layer's sums over selected rows), {@link VectorSparseInputs} (the
 * same with the coefficients read from the inputs), {@link VectorNonZeros} (the non-zero scans),
 * {@link VectorElementwise} (ReLU, the optimizer steps, pooling) and {@link VectorGemm}.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    VectorKernels() {
        if (Kernels.STRIDE_ALIGNMENT % L != 0 || Kernels.INDEX_SLACK < 8) {
            throw new IllegalStateException("unexpected float vector length " + L);
        }
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void accumulateRows(float[] w, int stride, int[] rows, float[] coef, int n, float[] init, int initOff,
            float[] out, int outOff) {
        VectorSparseRows.accumulateRows(w, stride, rows, coef, n, init, initOff, out, outOff);
    }

    @Override
    public void accumulateRowsPair(float[] w, int stride, int[] rows, float[] coefA, float[] coefB, int n,
            float[] init, int initOff, float[] outA, int outOffA, float[] outB, int outOffB) {
        VectorSparseRows.accumulateRowsPair(w, stride, rows, coefA, coefB, n, init, initOff, outA, outOffA, outB,
                outOffB);
    }

    @Override
    public void accumulateInputsPair(float[] w, int stride, int[] rows, int n, float[] xa, int offA, float[] xb,
            int offB, float[] init, int initOff, float[] outA, int outOffA, float[] outB, int outOffB) {
        VectorSparseInputs.accumulateInputsPair(w, stride, rows, n, xa, offA, xb, offB, init, initOff, outA, outOffA,
                outB, outOffB);
    }

    @Override
    public void accumulateInputsTriple(float[] w, int stride, int[] rows, int n, float[] x, int offA, int offB,
            int offC, float[] init, int initOff, float[] out, int outA, int outB, int outC) {
        VectorSparseInputs.accumulateInputsTriple(w, stride, rows, n, x, offA, offB, offC, init, initOff, out, outA,
                outB, outC);
    }

    @Override
    public int nonZeros(float[] x, int off, int len, int[] index, float[] value) {
        return VectorNonZeros.nonZeros(x, off, len, index, value);
    }

    @Override
    public int nonZerosPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index, float[] valueA,
            float[] valueB) {
        return VectorNonZeros.nonZerosPair(xa, offA, xb, offB, len, index, valueA, valueB);
    }

    @Override
    public int nonZeroCount(float[] x, int off, int len) {
        return VectorNonZeros.nonZeroCount(x, off, len);
    }

    @Override
    public int nonZeroPositionsPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index) {
        return VectorNonZeros.nonZeroPositionsPair(xa, offA, xb, offB, len, index);
    }

    @Override
    public int nonZeroPositionsTriple(float[] x, int offA, int offB, int offC, int len, int[] index) {
        return VectorNonZeros.nonZeroPositionsTriple(x, offA, offB, offC, len, index);
    }

    @Override
    public void nonZeroSampleMasks(float[] x, int xStride, int from, int count, int[] masks) {
        if (MASK_COLUMNS % L == 0) {
            VectorNonZeros.nonZeroSampleMasks(x, xStride, from, count, masks);
        } else {
            Kernels.super.nonZeroSampleMasks(x, xStride, from, count, masks);
        }
    }

    @Override
    public void relu(float[] a, int off, int len) {
        VectorElementwise.relu(a, off, len);
    }

    @Override
    public void reluBackward(float[] d, int dOff, float[] a, int aOff, int len) {
        VectorElementwise.reluBackward(d, dOff, a, aOff, len);
    }

    @Override
    public void adam(float[] w, float[] m, float[] v, int off, float[] g, int gOff, int len, float alpha,
            float oneMinusBeta1, float oneMinusBeta2, float epsilon) {
        VectorElementwise.adam(w, m, v, off, g, gOff, len, alpha, oneMinusBeta1, oneMinusBeta2, epsilon);
    }

    @Override
    public void sgd(float[] w, float[] velocity, int off, float[] g, int gOff, int len, float learningRate,
            float momentum) {
        VectorElementwise.sgd(w, velocity, off, g, gOff, len, learningRate, momentum);
    }

    @Override
    public void scalePixels(byte[] src, int sOff, float[] dst, int dOff, int len) {
        VectorElementwise.scalePixels(src, sOff, dst, dOff, len);
    }

    @Override
    public void maxInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        VectorElementwise.maxInto(dst, dOff, src, sOff, len);
    }

    @Override
    public void maxPool2x2(float[] x, int xOff, float[] y, int yOff, int rows, int cols, int c) {
        VectorElementwise.maxPool2x2(x, xOff, y, yOff, rows, cols, c);
    }

    @Override
    public void maxPool2x2Backward(float[] x, int xOff, float[] y, float[] dy, int yOff, float[] dx, int rows,
            int cols, int c) {
        VectorElementwise.maxPool2x2Backward(x, xOff, y, dy, yOff, dx, rows, cols, c);
    }

    @Override
    public void addInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        VectorElementwise.addInto(dst, dOff, src, sOff, len);
    }

    @Override
    public void routeMax(float[] x, int xOff, float[] y, int yOff, float[] rem, int rOff, float[] dx, int dxOff,
            int len) {
        VectorElementwise.routeMax(x, xOff, y, yOff, rem, rOff, dx, dxOff, len);
    }

    @Override
    public void gemmBias(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
            float[] bias, int biasOff, float[] c, int cOff, int ldc, boolean relu) {
        VectorGemm.gemmBias(m, n, k, a, aOff, aRow, aCol, b, bOff, ldb, bias, biasOff, c, cOff, ldc, relu);
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate) {
        VectorGemm.gemm(m, n, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, accumulate);
    }
}
