package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels#accumulateInputsPair} and {@link Kernels#accumulateInputsTriple} on the Vector API: the
 * sums of {@link VectorSparseRows} for two or three inputs with the coefficients read in place from the
 * inputs (prediction), each row of the weights loaded once for all of them.
 */
final class VectorSparseInputs {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 8 * L;

    private VectorSparseInputs() {
    }

    static void accumulateInputsPair(float[] w, int stride, int[] rows, int n, float[] xa, int offA, float[] xb,
            int offB, float[] init, int initOff, float[] outA, int outOffA, float[] outB, int outOffB) {
        int c = 0;
        for (; c + BLOCK <= stride; c += BLOCK) {
            inputsPairBlock8(w, stride, c, rows, n, xa, offA, xb, offB, init, initOff + c, outA, outOffA + c, outB,
                    outOffB + c);
        }
        for (; c < stride; c += L) {
            FloatVector a = init == null ? FloatVector.zero(S) : FloatVector.fromArray(S, init, initOff + c);
            FloatVector b = a;
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                FloatVector row = FloatVector.fromArray(S, w, r * stride + c);
                a = row.fma(FloatVector.broadcast(S, xa[offA + r]), a);
                b = row.fma(FloatVector.broadcast(S, xb[offB + r]), b);
            }
            a.intoArray(outA, outOffA + c);
            b.intoArray(outB, outOffB + c);
        }
    }

    /** {@code VectorSparseRows.pairBlock8} with the coefficients read in place from the two inputs. */
    private static void inputsPairBlock8(float[] w, int stride, int col, int[] rows, int n, float[] xa, int offA,
            float[] xb, int offB, float[] init, int initOff, float[] outA, int oA, float[] outB, int oB) {
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
            int row = rows[i];
            FloatVector x = FloatVector.broadcast(S, xa[offA + row]);
            FloatVector y = FloatVector.broadcast(S, xb[offB + row]);
            int base = row * stride + col;
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
        a0.intoArray(outA, oA);
        a1.intoArray(outA, oA + L);
        a2.intoArray(outA, oA + 2 * L);
        a3.intoArray(outA, oA + 3 * L);
        a4.intoArray(outA, oA + 4 * L);
        a5.intoArray(outA, oA + 5 * L);
        a6.intoArray(outA, oA + 6 * L);
        a7.intoArray(outA, oA + 7 * L);
        b0.intoArray(outB, oB);
        b1.intoArray(outB, oB + L);
        b2.intoArray(outB, oB + 2 * L);
        b3.intoArray(outB, oB + 3 * L);
        b4.intoArray(outB, oB + 4 * L);
        b5.intoArray(outB, oB + 5 * L);
        b6.intoArray(outB, oB + 6 * L);
        b7.intoArray(outB, oB + 7 * L);
    }

    static void accumulateInputsTriple(float[] w, int stride, int[] rows, int n, float[] x, int offA, int offB,
            int offC, float[] init, int initOff, float[] out, int outA, int outB, int outC) {
        int c = 0;
        for (; c + BLOCK <= stride; c += BLOCK) {
            inputsTripleBlock8(w, stride, c, rows, n, x, offA, offB, offC, init, initOff + c, out, outA + c,
                    outB + c, outC + c);
        }
        for (; c < stride; c += L) {
            FloatVector a = init == null ? FloatVector.zero(S) : FloatVector.fromArray(S, init, initOff + c);
            FloatVector b = a;
            FloatVector d = a;
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                FloatVector row = FloatVector.fromArray(S, w, r * stride + c);
                a = row.fma(FloatVector.broadcast(S, x[offA + r]), a);
                b = row.fma(FloatVector.broadcast(S, x[offB + r]), b);
                d = row.fma(FloatVector.broadcast(S, x[offC + r]), d);
            }
            a.intoArray(out, outA + c);
            b.intoArray(out, outB + c);
            d.intoArray(out, outC + c);
        }
    }

    /**
     * Three inputs' 8-vector blocks at once: 24 accumulators, three broadcasts and a row fit AVX-512's 32
     * registers, and each row loaded feeds 24 FMAs.
     */
    private static void inputsTripleBlock8(float[] w, int stride, int col, int[] rows, int n, float[] x, int offA,
            int offB, int offC, float[] init, int initOff, float[] out, int oA, int oB, int oC) {
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
            a1 = FloatVector.fromArray(S, init, initOff + 1 * L);
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
        FloatVector c0 = a0;
        FloatVector c1 = a1;
        FloatVector c2 = a2;
        FloatVector c3 = a3;
        FloatVector c4 = a4;
        FloatVector c5 = a5;
        FloatVector c6 = a6;
        FloatVector c7 = a7;
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            FloatVector p = FloatVector.broadcast(S, x[offA + row]);
            FloatVector q = FloatVector.broadcast(S, x[offB + row]);
            FloatVector s = FloatVector.broadcast(S, x[offC + row]);
            int base = row * stride + col;
            FloatVector r = FloatVector.fromArray(S, w, base);
            a0 = r.fma(p, a0);
            b0 = r.fma(q, b0);
            c0 = r.fma(s, c0);
            r = FloatVector.fromArray(S, w, base + L);
            a1 = r.fma(p, a1);
            b1 = r.fma(q, b1);
            c1 = r.fma(s, c1);
            r = FloatVector.fromArray(S, w, base + 2 * L);
            a2 = r.fma(p, a2);
            b2 = r.fma(q, b2);
            c2 = r.fma(s, c2);
            r = FloatVector.fromArray(S, w, base + 3 * L);
            a3 = r.fma(p, a3);
            b3 = r.fma(q, b3);
            c3 = r.fma(s, c3);
            r = FloatVector.fromArray(S, w, base + 4 * L);
            a4 = r.fma(p, a4);
            b4 = r.fma(q, b4);
            c4 = r.fma(s, c4);
            r = FloatVector.fromArray(S, w, base + 5 * L);
            a5 = r.fma(p, a5);
            b5 = r.fma(q, b5);
            c5 = r.fma(s, c5);
            r = FloatVector.fromArray(S, w, base + 6 * L);
            a6 = r.fma(p, a6);
            b6 = r.fma(q, b6);
            c6 = r.fma(s, c6);
            r = FloatVector.fromArray(S, w, base + 7 * L);
            a7 = r.fma(p, a7);
            b7 = r.fma(q, b7);
            c7 = r.fma(s, c7);
        }
        a0.intoArray(out, oA);
        a1.intoArray(out, oA + L);
        a2.intoArray(out, oA + 2 * L);
        a3.intoArray(out, oA + 3 * L);
        a4.intoArray(out, oA + 4 * L);
        a5.intoArray(out, oA + 5 * L);
        a6.intoArray(out, oA + 6 * L);
        a7.intoArray(out, oA + 7 * L);
        b0.intoArray(out, oB);
        b1.intoArray(out, oB + L);
        b2.intoArray(out, oB + 2 * L);
        b3.intoArray(out, oB + 3 * L);
        b4.intoArray(out, oB + 4 * L);
        b5.intoArray(out, oB + 5 * L);
        b6.intoArray(out, oB + 6 * L);
        b7.intoArray(out, oB + 7 * L);
        c0.intoArray(out, oC);
        c1.intoArray(out, oC + L);
        c2.intoArray(out, oC + 2 * L);
        c3.intoArray(out, oC + 3 * L);
        c4.intoArray(out, oC + 4 * L);
        c5.intoArray(out, oC + 5 * L);
        c6.intoArray(out, oC + 6 * L);
        c7.intoArray(out, oC + 7 * L);
    }
}
