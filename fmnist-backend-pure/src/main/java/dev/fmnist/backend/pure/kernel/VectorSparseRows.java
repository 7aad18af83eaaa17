package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels#accumulateRows} and {@link Kernels#accumulateRowsPair} on the Vector API: the sparse
 * dense-layer sums over selected rows with the coefficients given, column blocks of eight vectors, then
 * single vectors.
 *
 * <p>{@link #accumulateRows} keeps eight vectors of accumulators in registers (128 columns with
 * AVX-512: one hidden layer of the seed network) so each row costs eight loads and eight FMAs.
 */
final class VectorSparseRows {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 8 * L;

    private VectorSparseRows() {
    }

    static void accumulateRows(float[] w, int stride, int[] rows, float[] coef, int n, float[] init, int initOff,
            float[] out, int outOff) {
        int c = 0;
        for (; c + BLOCK <= stride; c += BLOCK) {
            block8(w, stride, c, rows, coef, n, init, initOff + c, out, outOff + c);
        }
        for (; c < stride; c += L) {
            FloatVector acc = init == null ? FloatVector.zero(S) : FloatVector.fromArray(S, init, initOff + c);
            for (int i = 0; i < n; i++) {
                acc = FloatVector.fromArray(S, w, rows[i] * stride + c).fma(FloatVector.broadcast(S, coef[i]), acc);
            }
            acc.intoArray(out, outOff + c);
        }
    }

    private static void block8(float[] w, int stride, int col, int[] rows, float[] coef, int n, float[] init,
            int initOff, float[] out, int outOff) {
        FloatVector a0;
        FloatVector a1;
        FloatVector a2;
        FloatVector a3;
        FloatVector a4;
        FloatVector a5;
        FloatVector a6;
        FloatVector a7;
        if (init == null) {
            a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = FloatVector.zero(S);
        } else {
            a0 = FloatVector.fromArray(S, init, initOff);
            a1 = FloatVector.fromArray(S, init, initOff + L);
            a2 = FloatVector.fromArray(S, init, initOff + 2 * L);
            a3 = FloatVector.fromArray(S, init, initOff + 3 * L);
            a4 = FloatVector.fromArray(S, init, initOff + 4 * L);
            a5 = FloatVector.fromArray(S, init, initOff + 5 * L);
            a6 = FloatVector.fromArray(S, init, initOff + 6 * L);
            a7 = FloatVector.fromArray(S, init, initOff + 7 * L);
        }
        for (int i = 0; i < n; i++) {
            FloatVector x = FloatVector.broadcast(S, coef[i]);
            int base = rows[i] * stride + col;
            a0 = FloatVector.fromArray(S, w, base).fma(x, a0);
            a1 = FloatVector.fromArray(S, w, base + L).fma(x, a1);
            a2 = FloatVector.fromArray(S, w, base + 2 * L).fma(x, a2);
            a3 = FloatVector.fromArray(S, w, base + 3 * L).fma(x, a3);
            a4 = FloatVector.fromArray(S, w, base + 4 * L).fma(x, a4);
            a5 = FloatVector.fromArray(S, w, base + 5 * L).fma(x, a5);
            a6 = FloatVector.fromArray(S, w, base + 6 * L).fma(x, a6);
            a7 = FloatVector.fromArray(S, w, base + 7 * L).fma(x, a7);
        }
        a0.intoArray(out, outOff);
        a1.intoArray(out, outOff + L);
        a2.intoArray(out, outOff + 2 * L);
        a3.intoArray(out, outOff + 3 * L);
        a4.intoArray(out, outOff + 4 * L);
        a5.intoArray(out, outOff + 5 * L);
        a6.intoArray(out, outOff + 6 * L);
        a7.intoArray(out, outOff + 7 * L);
    }

    static void accumulateRowsPair(float[] w, int stride, int[] rows, float[] coefA, float[] coefB, int n,
            float[] init, int initOff, float[] outA, int outOffA, float[] outB, int outOffB) {
        int c = 0;
        for (; c + BLOCK <= stride; c += BLOCK) {
            // 16 accumulators (8 per input) stay in AVX-512's 32 registers; one pass over each row.
            pairBlock8(w, stride, c, rows, coefA, coefB, n, init, initOff + c, outA, outOffA + c, outB, outOffB + c);
        }
        for (; c < stride; c += L) {
            FloatVector a = init == null ? FloatVector.zero(S) : FloatVector.fromArray(S, init, initOff + c);
            FloatVector b = a;
            for (int i = 0; i < n; i++) {
                FloatVector row = FloatVector.fromArray(S, w, rows[i] * stride + c);
                a = row.fma(FloatVector.broadcast(S, coefA[i]), a);
                b = row.fma(FloatVector.broadcast(S, coefB[i]), b);
            }
            a.intoArray(outA, outOffA + c);
            b.intoArray(outB, outOffB + c);
        }
    }

    private static void pairBlock8(float[] w, int stride, int col, int[] rows, float[] coefA, float[] coefB, int n,
            float[] init, int initOff, float[] outA, int offA, float[] outB, int offB) {
        FloatVector a0;
        FloatVector a1;
        FloatVector a2;
        FloatVector a3;
        FloatVector a4;
        FloatVector a5;
        FloatVector a6;
        FloatVector a7;
        if (init == null) {
            a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = FloatVector.zero(S);
        } else {
            a0 = FloatVector.fromArray(S, init, initOff);
            a1 = FloatVector.fromArray(S, init, initOff + L);
            a2 = FloatVector.fromArray(S, init, initOff + 2 * L);
            a3 = FloatVector.fromArray(S, init, initOff + 3 * L);
            a4 = FloatVector.fromArray(S, init, initOff + 4 * L);
            a5 = FloatVector.fromArray(S, init, initOff + 5 * L);
            a6 = FloatVector.fromArray(S, init, initOff + 6 * L);
            a7 = FloatVector.fromArray(S, init, initOff + 7 * L);
        }
        FloatVector b0 = a0;
        FloatVector b1 = a1;
        FloatVector b2 = a2;
        FloatVector b3 = a3;
        FloatVector b4 = a4;
        FloatVector b5 = a5;
        FloatVector b6 = a6;
        FloatVector b7 = a7;
        for (int i = 0; i < n; i++) {
            FloatVector x = FloatVector.broadcast(S, coefA[i]);
            FloatVector y = FloatVector.broadcast(S, coefB[i]);
            int base = rows[i] * stride + col;
            FloatVector r = FloatVector.fromArray(S, w, base);
            a0 = r.fma(x, a0);
            b0 = r.fma(y, b0);
            r = FloatVector.fromArray(S, w, base + L);
            a1 = r.fma(x, a1);
            b1 = r.fma(y, b1);
            r = FloatVector.fromArray(S, w, base + 2 * L);
            a2 = r.fma(x, a2);
            b2 = r.fma(y, b2);
            r = FloatVector.fromArray(S, w, base + 3 * L);
            a3 = r.fma(x, a3);
            b3 = r.fma(y, b3);
            r = FloatVector.fromArray(S, w, base + 4 * L);
            a4 = r.fma(x, a4);
            b4 = r.fma(y, b4);
            r = FloatVector.fromArray(S, w, base + 5 * L);
            a5 = r.fma(x, a5);
            b5 = r.fma(y, b5);
            r = FloatVector.fromArray(S, w, base + 6 * L);
            a6 = r.fma(x, a6);
            b6 = r.fma(y, b6);
            r = FloatVector.fromArray(S, w, base + 7 * L);
            a7 = r.fma(x, a7);
            b7 = r.fma(y, b7);
        }
        a0.intoArray(outA, offA);
        a1.intoArray(outA, offA + L);
        a2.intoArray(outA, offA + 2 * L);
        a3.intoArray(outA, offA + 3 * L);
        a4.intoArray(outA, offA + 4 * L);
        a5.intoArray(outA, offA + 5 * L);
        a6.intoArray(outA, offA + 6 * L);
        a7.intoArray(outA, offA + 7 * L);
        b0.intoArray(outB, offB);
        b1.intoArray(outB, offB + L);
        b2.intoArray(outB, offB + 2 * L);
        b3.intoArray(outB, offB + 3 * L);
        b4.intoArray(outB, offB + 4 * L);
        b5.intoArray(outB, offB + 5 * L);
        b6.intoArray(outB, offB + 6 * L);
        b7.intoArray(outB, offB + 7 * L);
    }
}
