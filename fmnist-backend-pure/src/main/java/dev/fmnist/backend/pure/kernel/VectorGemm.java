package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels#gemm} on the Vector API: register tiles of four rows by four, two or one vectors (16
 * accumulators with AVX-512's 16 lanes: each step of {@code q} loads four vectors of B and broadcasts
 * four coefficients of A for 16 fused multiply-adds), then single rows, then the last columns that do not
 * fill a vector one at a time. Every element of C is the same chain of fused multiply-adds over {@code q}
 * as in {@link ScalarKernels#gemm}, so the two agree bit for bit.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorGemm() {
    }

    static void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate) {
        if (!accumulate) {
            // Start every chain from +0 in memory: a vector chosen between two values would not stay in registers.
            for (int r = 0; r < m; r++) {
                java.util.Arrays.fill(c, cOff + r * ldc, cOff + r * ldc + n, 0f);
            }
        }
        run(m, n, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, c, cOff, ldc, false);
    }

    /** {@link Kernels#gemmBias}: the chains start from the bias row (a row stride of 0), ReLU per block of rows. */
    static void gemmBias(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
            float[] bias, int biasOff, float[] c, int cOff, int ldc, boolean relu) {
        run(m, n, k, a, aOff, aRow, aCol, b, bOff, ldb, bias, biasOff, 0, c, cOff, ldc, relu);
    }

    private static void run(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff,
            int ldb, float[] u, int uOff, int ldu, float[] c, int cOff, int ldc, boolean relu) {
        // ReLU as each result is stored: Math.max with 0, or with -infinity, which changes nothing (a NaN
        // stays NaN). A pass over the rows after them reloaded each straight after its (cache-line
        // splitting) store and took a tenth of the CNN's prediction time; a branch per store, or a vector
        // chosen between two, made C2's tiles slower still.
        float floor = relu ? 0f : Float.NEGATIVE_INFINITY;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int ai = aOff + i * aRow;
            int ci = cOff + i * ldc;
            int ui = uOff + i * ldu;
            int j = 0;
            for (; j + 4 * L <= n; j += 4 * L) {
                tile4x4(k, a, ai, aRow, aCol, b, bOff + j, ldb, u, ui + j, ldu, c, ci + j, ldc, floor);
            }
            if (j + 2 * L <= n) {
                tile4x2(k, a, ai, aRow, aCol, b, bOff + j, ldb, u, ui + j, ldu, c, ci + j, ldc, floor);
                j += 2 * L;
            }
            if (j + L <= n) {
                tile4x1(k, a, ai, aRow, aCol, b, bOff + j, ldb, u, ui + j, ldu, c, ci + j, ldc, floor);
                j += L;
            }
            for (int r = 0; r < 4; r++) {
                columns(j, n, k, a, ai + r * aRow, aCol, b, bOff, ldb, u, ui + r * ldu, c, ci + r * ldc, floor);
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * aRow;
            int ci = cOff + i * ldc;
            int ui = uOff + i * ldu;
            int j = 0;
            for (; j + 4 * L <= n; j += 4 * L) {
                tile1x4(k, a, ai, aRow, aCol, b, bOff + j, ldb, u, ui + j, ldu, c, ci + j, ldc, floor);
            }
            for (; j + L <= n; j += L) {
                tile1x1(k, a, ai, aRow, aCol, b, bOff + j, ldb, u, ui + j, ldu, c, ci + j, ldc, floor);
            }
            columns(j, n, k, a, ai, aCol, b, bOff, ldb, u, ui, c, ci, floor);
        }
    }

    /** Columns {@code from..n-1} of one row, one element at a time (the same chain as the vectors'). */
    private static void columns(int from, int n, int k, float[] a, int ai, int aCol, float[] b, int bOff, int ldb,
            float[] u, int ui, float[] c, int ci, float floor) {
        for (int j = from; j < n; j++) {
            float acc = u[ui + j];
            int bq = bOff + j;
            for (int q = 0; q < k; q++) {
                acc = Math.fma(a[ai + q * aCol], b[bq], acc);
                bq += ldb;
            }
            c[ci + j] = Math.max(acc, floor);
        }
    }

    private static void tile4x4(int k, float[] a, int ai, int aRow, int aCol, float[] b, int bj, int ldb,
            float[] u, int uij, int ldu, float[] c, int cij, int ldc, float floor) {
        FloatVector c00 = FloatVector.fromArray(S, u, uij + 0 * ldu + 0 * L);
        FloatVector c01 = FloatVector.fromArray(S, u, uij + 0 * ldu + 1 * L);
        FloatVector c02 = FloatVector.fromArray(S, u, uij + 0 * ldu + 2 * L);
        FloatVector c03 = FloatVector.fromArray(S, u, uij + 0 * ldu + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, u, uij + 1 * ldu + 0 * L);
        FloatVector c11 = FloatVector.fromArray(S, u, uij + 1 * ldu + 1 * L);
        FloatVector c12 = FloatVector.fromArray(S, u, uij + 1 * ldu + 2 * L);
        FloatVector c13 = FloatVector.fromArray(S, u, uij + 1 * ldu + 3 * L);
        FloatVector c20 = FloatVector.fromArray(S, u, uij + 2 * ldu + 0 * L);
        FloatVector c21 = FloatVector.fromArray(S, u, uij + 2 * ldu + 1 * L);
        FloatVector c22 = FloatVector.fromArray(S, u, uij + 2 * ldu + 2 * L);
        FloatVector c23 = FloatVector.fromArray(S, u, uij + 2 * ldu + 3 * L);
        FloatVector c30 = FloatVector.fromArray(S, u, uij + 3 * ldu + 0 * L);
        FloatVector c31 = FloatVector.fromArray(S, u, uij + 3 * ldu + 1 * L);
        FloatVector c32 = FloatVector.fromArray(S, u, uij + 3 * ldu + 2 * L);
        FloatVector c33 = FloatVector.fromArray(S, u, uij + 3 * ldu + 3 * L);
        int a0 = ai + 0 * aRow;
        int a1 = ai + 1 * aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int bq = bj;
        for (int q = 0; q < k; q++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bq + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, bq + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bq + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bq + 3 * L);
            int aq = q * aCol;
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + aq]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c02 = b2.fma(x0, c02);
            c03 = b3.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + aq]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            c12 = b2.fma(x1, c12);
            c13 = b3.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + aq]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            c22 = b2.fma(x2, c22);
            c23 = b3.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + aq]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            c32 = b2.fma(x3, c32);
            c33 = b3.fma(x3, c33);
            bq += ldb;
        }
        c00.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 0 * L);
        c01.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 1 * L);
        c02.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 2 * L);
        c03.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 3 * L);
        c10.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 1 * ldc + 0 * L);
        c11.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 1 * ldc + 1 * L);
        c12.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 1 * ldc + 2 * L);
        c13.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 1 * ldc + 3 * L);
        c20.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 2 * ldc + 0 * L);
        c21.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 2 * ldc + 1 * L);
        c22.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 2 * ldc + 2 * L);
        c23.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 2 * ldc + 3 * L);
        c30.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 3 * ldc + 0 * L);
        c31.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 3 * ldc + 1 * L);
        c32.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 3 * ldc + 2 * L);
        c33.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 3 * ldc + 3 * L);
    }

    private static void tile4x2(int k, float[] a, int ai, int aRow, int aCol, float[] b, int bj, int ldb,
            float[] u, int uij, int ldu, float[] c, int cij, int ldc, float floor) {
        FloatVector c00 = FloatVector.fromArray(S, u, uij + 0 * ldu + 0 * L);
        FloatVector c01 = FloatVector.fromArray(S, u, uij + 0 * ldu + 1 * L);
        FloatVector c10 = FloatVector.fromArray(S, u, uij + 1 * ldu + 0 * L);
        FloatVector c11 = FloatVector.fromArray(S, u, uij + 1 * ldu + 1 * L);
        FloatVector c20 = FloatVector.fromArray(S, u, uij + 2 * ldu + 0 * L);
        FloatVector c21 = FloatVector.fromArray(S, u, uij + 2 * ldu + 1 * L);
        FloatVector c30 = FloatVector.fromArray(S, u, uij + 3 * ldu + 0 * L);
        FloatVector c31 = FloatVector.fromArray(S, u, uij + 3 * ldu + 1 * L);
        int a0 = ai + 0 * aRow;
        int a1 = ai + 1 * aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int bq = bj;
        for (int q = 0; q < k; q++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bq + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, bq + 1 * L);
            int aq = q * aCol;
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + aq]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + aq]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + aq]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + aq]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            bq += ldb;
        }
        c00.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 0 * L);
        c01.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 1 * L);
        c10.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 1 * ldc + 0 * L);
        c11.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 1 * ldc + 1 * L);
        c20.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 2 * ldc + 0 * L);
        c21.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 2 * ldc + 1 * L);
        c30.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 3 * ldc + 0 * L);
        c31.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 3 * ldc + 1 * L);
    }

    private static void tile4x1(int k, float[] a, int ai, int aRow, int aCol, float[] b, int bj, int ldb,
            float[] u, int uij, int ldu, float[] c, int cij, int ldc, float floor) {
        FloatVector c00 = FloatVector.fromArray(S, u, uij + 0 * ldu + 0 * L);
        FloatVector c10 = FloatVector.fromArray(S, u, uij + 1 * ldu + 0 * L);
        FloatVector c20 = FloatVector.fromArray(S, u, uij + 2 * ldu + 0 * L);
        FloatVector c30 = FloatVector.fromArray(S, u, uij + 3 * ldu + 0 * L);
        int a0 = ai + 0 * aRow;
        int a1 = ai + 1 * aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int bq = bj;
        for (int q = 0; q < k; q++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bq + 0 * L);
            int aq = q * aCol;
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + aq]);
            c00 = b0.fma(x0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + aq]);
            c10 = b0.fma(x1, c10);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + aq]);
            c20 = b0.fma(x2, c20);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + aq]);
            c30 = b0.fma(x3, c30);
            bq += ldb;
        }
        c00.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 0 * L);
        c10.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 1 * ldc + 0 * L);
        c20.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 2 * ldc + 0 * L);
        c30.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 3 * ldc + 0 * L);
    }

    private static void tile1x4(int k, float[] a, int ai, int aRow, int aCol, float[] b, int bj, int ldb,
            float[] u, int uij, int ldu, float[] c, int cij, int ldc, float floor) {
        FloatVector c00 = FloatVector.fromArray(S, u, uij + 0 * ldu + 0 * L);
        FloatVector c01 = FloatVector.fromArray(S, u, uij + 0 * ldu + 1 * L);
        FloatVector c02 = FloatVector.fromArray(S, u, uij + 0 * ldu + 2 * L);
        FloatVector c03 = FloatVector.fromArray(S, u, uij + 0 * ldu + 3 * L);
        int a0 = ai + 0 * aRow;
        int bq = bj;
        for (int q = 0; q < k; q++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bq + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, bq + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bq + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bq + 3 * L);
            int aq = q * aCol;
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + aq]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c02 = b2.fma(x0, c02);
            c03 = b3.fma(x0, c03);
            bq += ldb;
        }
        c00.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 0 * L);
        c01.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 1 * L);
        c02.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 2 * L);
        c03.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 3 * L);
    }

    private static void tile1x1(int k, float[] a, int ai, int aRow, int aCol, float[] b, int bj, int ldb,
            float[] u, int uij, int ldu, float[] c, int cij, int ldc, float floor) {
        FloatVector c00 = FloatVector.fromArray(S, u, uij + 0 * ldu + 0 * L);
        int a0 = ai + 0 * aRow;
        int bq = bj;
        for (int q = 0; q < k; q++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bq + 0 * L);
            int aq = q * aCol;
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + aq]);
            c00 = b0.fma(x0, c00);
            bq += ldb;
        }
        c00.lanewise(VectorOperators.MAX, floor).intoArray(c, cij + 0 * ldc + 0 * L);
    }

}
