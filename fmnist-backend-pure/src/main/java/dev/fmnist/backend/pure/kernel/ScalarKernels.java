package dev.fmnist.backend.pure.kernel;

/**
 * The kernels in plain Java, one element at a time: the fallback when the Vector API is absent, and
 * the readable statement of what {@link VectorKernels} computes (bit for bit).
 */
public final class ScalarKernels implements Kernels {
    /** The one instance. */
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void accumulateRows(float[] w, int stride, int[] rows, float[] coef, int n, float[] init, int initOff,
            float[] out, int outOff) {
        if (init == null) {
            java.util.Arrays.fill(out, outOff, outOff + stride, 0f);
        } else {
            System.arraycopy(init, initOff, out, outOff, stride);
        }
        for (int i = 0; i < n; i++) {
            float a = coef[i];
            int base = rows[i] * stride;
            for (int c = 0; c < stride; c++) {
                out[outOff + c] = Math.fma(a, w[base + c], out[outOff + c]);
            }
        }
    }

    @Override
    public void accumulateRowsPair(float[] w, int stride, int[] rows, float[] coefA, float[] coefB, int n,
            float[] init, int initOff, float[] outA, int outOffA, float[] outB, int outOffB) {
        accumulateRows(w, stride, rows, coefA, n, init, initOff, outA, outOffA);
        accumulateRows(w, stride, rows, coefB, n, init, initOff, outB, outOffB);
    }

    @Override
    public void relu(float[] a, int off, int len) {
        for (int i = off; i < off + len; i++) {
            a[i] = Math.max(a[i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] d, int dOff, float[] a, int aOff, int len) {
        for (int i = 0; i < len; i++) {
            if (a[aOff + i] <= 0) {
                d[dOff + i] = 0f;
            }
        }
    }

    @Override
    public void adam(float[] w, float[] m, float[] v, int off, float[] g, int gOff, int len, float alpha,
            float oneMinusBeta1, float oneMinusBeta2, float epsilon) {
        for (int i = 0; i < len; i++) {
            float gi = g[gOff + i];
            float mi = Math.fma(gi - m[off + i], oneMinusBeta1, m[off + i]);
            float vi = Math.fma(gi * gi - v[off + i], oneMinusBeta2, v[off + i]);
            m[off + i] = mi;
            v[off + i] = vi;
            w[off + i] -= (mi * alpha) / ((float) Math.sqrt(vi) + epsilon);
        }
    }

    @Override
    public void sgd(float[] w, float[] velocity, int off, float[] g, int gOff, int len, float learningRate,
            float momentum) {
        for (int i = 0; i < len; i++) {
            float vel = momentum * velocity[off + i] - learningRate * g[gOff + i];
            velocity[off + i] = vel;
            w[off + i] += vel;
        }
    }
    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            int ai = aOff + i * aRow;
            // Row by row over q: each C(i,j) still sees its fused multiply-adds in increasing q.
            for (int q = 0; q < k; q++) {
                float x = a[ai + q * aCol];
                int bq = bOff + q * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(x, b[bq + j], c[ci + j]);
                }
            }
        }
    }
}
