package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the Vector API (the {@code jdk.incubator.vector} module), at the platform's widest
 * float vector: 16 lanes with AVX-512. Only {@link KernelSelector} names this class, and only after
 * checking that the module is present, so it is never loaded without it.
 *
 * <p>{@link #accumulateRows} keeps eight vectors of accumulators in registers (128 columns with
 * AVX-512: one hidden layer of the seed network) so each row costs eight loads and eight FMAs.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 8 * L;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    /** Lane {@code j} holds {@code 1 << j}: turns a lane mask into an int of mask bits. */
    private static final IntVector LANE_BITS = laneBits();
    private static final VectorSpecies<Integer> I8 = IntVector.SPECIES_256;
    private static final int GROUP = Math.min(8, L);
    /** For each 8-bit mask, the positions of its set bits (then padding): one vector store lists them. */
    private static final int[] POSITIONS = positions();

    VectorKernels() {
        if (Kernels.STRIDE_ALIGNMENT % L != 0 || Kernels.INDEX_SLACK < 8) {
            throw new IllegalStateException("unexpected float vector length " + L);
        }
    }

    private static IntVector laneBits() {
        int[] bits = new int[L];
        for (int j = 0; j < L; j++) {
            bits[j] = 1 << j;
        }
        return IntVector.fromArray(I, bits, 0);
    }

    private static int[] positions() {
        int[] table = new int[256 * 8];
        for (int mask = 0; mask < 256; mask++) {
            int n = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    table[mask * 8 + n++] = bit;
                }
            }
        }
        return table;
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void accumulateRows(float[] w, int stride, int[] rows, float[] coef, int n, float[] init, int initOff,
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

    @Override
    public void accumulateRowsPair(float[] w, int stride, int[] rows, float[] coefA, float[] coefB, int n,
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

    @Override
    public void accumulateInputsPair(float[] w, int stride, int[] rows, int n, float[] xa, int offA, float[] xb,
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

    /** {@link #pairBlock8} with the coefficients read in place from the two inputs. */
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

    @Override
    public void accumulateInputsTriple(float[] w, int stride, int[] rows, int n, float[] x, int offA, int offB,
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

    /** The non-zero lanes of {@code x[off..off+L)} as bits (lane j is bit j); -0.0 counts as zero. */
    private static int nonZeroBits(float[] x, int off) {
        VectorMask<Integer> nz = FloatVector.fromArray(S, x, off).reinterpretAsInts()
                .lanewise(VectorOperators.AND, 0x7fffffff).compare(VectorOperators.NE, 0);
        return IntVector.zero(I).blend(LANE_BITS, nz).reduceLanes(VectorOperators.OR);
    }

    /**
     * Appends the positions {@code base + j} of the set bits {@code j} of {@code bits} to {@code index} at
     * {@code n}, without branches: each group of 8 bits looks its positions up in a table, stores them
     * with one vector store and advances by its bit count.
     */
    private static int append(int bits, int base, int[] index, int n) {
        for (int g = 0; g < L; g += GROUP) {
            int group = (bits >>> g) & 0xff;
            IntVector.fromArray(I8, POSITIONS, group * 8).add(base + g).intoArray(index, n);
            n += Integer.bitCount(group);
        }
        return n;
    }

    @Override
    public int nonZeros(float[] x, int off, int len, int[] index, float[] value) {
        int n = 0;
        int i = 0;
        for (; i + L <= len; i += L) {
            n = append(nonZeroBits(x, off + i), i, index, n);
        }
        for (; i < len; i++) {
            index[n] = i;
            n += x[off + i] != 0 ? 1 : 0;
        }
        // The values in a second, independent pass: the FMA loops then read them in order.
        for (int j = 0; j < n; j++) {
            value[j] = x[off + index[j]];
        }
        return n;
    }

    @Override
    public int nonZerosPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index, float[] valueA,
            float[] valueB) {
        int n = 0;
        int i = 0;
        for (; i + L <= len; i += L) {
            n = append(nonZeroBits(xa, offA + i) | nonZeroBits(xb, offB + i), i, index, n);
        }
        for (; i < len; i++) {
            index[n] = i;
            n += (xa[offA + i] != 0 | xb[offB + i] != 0) ? 1 : 0;
        }
        for (int j = 0; j < n; j++) {
            valueA[j] = xa[offA + index[j]];
            valueB[j] = xb[offB + index[j]];
        }
        return n;
    }

    @Override
    public int nonZeroCount(float[] x, int off, int len) {
        int n = 0;
        int i = 0;
        for (; i + L <= len; i += L) {
            n += FloatVector.fromArray(S, x, off + i).compare(VectorOperators.NE, 0f).trueCount();
        }
        for (; i < len; i++) {
            n += x[off + i] != 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public int nonZeroPositionsPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index) {
        int n = 0;
        int i = 0;
        for (; i + L <= len; i += L) {
            n = append(nonZeroBitsEither(xa, offA + i, xb, offB + i), i, index, n);
        }
        for (; i < len; i++) {
            index[n] = i;
            n += (xa[offA + i] != 0 | xb[offB + i] != 0) ? 1 : 0;
        }
        return n;
    }

    @Override
    public int nonZeroPositionsTriple(float[] x, int offA, int offB, int offC, int len, int[] index) {
        int n = 0;
        int i = 0;
        for (; i + L <= len; i += L) {
            VectorMask<Integer> nz = FloatVector.fromArray(S, x, offA + i).reinterpretAsInts()
                    .or(FloatVector.fromArray(S, x, offB + i).reinterpretAsInts())
                    .or(FloatVector.fromArray(S, x, offC + i).reinterpretAsInts())
                    .lanewise(VectorOperators.AND, 0x7fffffff).compare(VectorOperators.NE, 0);
            n = append(IntVector.zero(I).blend(LANE_BITS, nz).reduceLanes(VectorOperators.OR), i, index, n);
        }
        for (; i < len; i++) {
            index[n] = i;
            n += (x[offA + i] != 0 | x[offB + i] != 0 | x[offC + i] != 0) ? 1 : 0;
        }
        return n;
    }

    /**
     * The lanes where {@code xa[offA..offA+L)} or {@code xb[offB..offB+L)} is non-zero, as bits: the two
     * inputs' bits are OR-ed before the one compare and the one (costly) reduction.
     */
    private static int nonZeroBitsEither(float[] xa, int offA, float[] xb, int offB) {
        VectorMask<Integer> nz = FloatVector.fromArray(S, xa, offA).reinterpretAsInts()
                .or(FloatVector.fromArray(S, xb, offB).reinterpretAsInts())
                .lanewise(VectorOperators.AND, 0x7fffffff).compare(VectorOperators.NE, 0);
        return IntVector.zero(I).blend(LANE_BITS, nz).reduceLanes(VectorOperators.OR);
    }

    @Override
    public void relu(float[] a, int off, int len) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector.fromArray(S, a, off + i).lanewise(VectorOperators.MAX, 0f).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] = Math.max(a[off + i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] d, int dOff, float[] a, int aOff, int len) {
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= len; i += L) {
            FloatVector av = FloatVector.fromArray(S, a, aOff + i);
            FloatVector.fromArray(S, d, dOff + i).blend(zero, av.compare(VectorOperators.LE, 0f))
                    .intoArray(d, dOff + i);
        }
        for (; i < len; i++) {
            if (a[aOff + i] <= 0) {
                d[dOff + i] = 0f;
            }
        }
    }

    @Override
    public void adam(float[] w, float[] m, float[] v, int off, float[] g, int gOff, int len, float alpha,
            float oneMinusBeta1, float oneMinusBeta2, float epsilon) {
        FloatVector b1 = FloatVector.broadcast(S, oneMinusBeta1);
        FloatVector b2 = FloatVector.broadcast(S, oneMinusBeta2);
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, gOff + i);
            FloatVector mv = FloatVector.fromArray(S, m, off + i);
            FloatVector vv = FloatVector.fromArray(S, v, off + i);
            mv = gv.sub(mv).fma(b1, mv);
            vv = gv.mul(gv).sub(vv).fma(b2, vv);
            mv.intoArray(m, off + i);
            vv.intoArray(v, off + i);
            FloatVector step = mv.mul(alpha).div(vv.lanewise(VectorOperators.SQRT).add(epsilon));
            FloatVector.fromArray(S, w, off + i).sub(step).intoArray(w, off + i);
        }
        if (i < len) {
            ScalarKernels.INSTANCE.adam(w, m, v, off + i, g, gOff + i, len - i, alpha, oneMinusBeta1,
                    oneMinusBeta2, epsilon);
        }
    }

    @Override
    public void sgd(float[] w, float[] velocity, int off, float[] g, int gOff, int len, float learningRate,
            float momentum) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector vel = FloatVector.fromArray(S, velocity, off + i).mul(momentum)
                    .sub(FloatVector.fromArray(S, g, gOff + i).mul(learningRate));
            vel.intoArray(velocity, off + i);
            FloatVector.fromArray(S, w, off + i).add(vel).intoArray(w, off + i);
        }
        if (i < len) {
            ScalarKernels.INSTANCE.sgd(w, velocity, off + i, g, gOff + i, len - i, learningRate, momentum);
        }
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
