package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The non-zero scans of {@link Kernels} on the Vector API ({@link Kernels#nonZeros},
 * {@link Kernels#nonZerosPair}, {@link Kernels#nonZeroCount}, {@link Kernels#nonZeroPositionsPair},
 * {@link Kernels#nonZeroPositionsTriple}): each vector of inputs becomes a mask of non-zero lanes, whose
 * positions are appended to the index list without branches. {@link Kernels#nonZeroSampleMasks} turns
 * the same test into one bit per sample in each column's lane.
 */
final class VectorNonZeros {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    /** Lane {@code j} holds {@code 1 << j}: turns a lane mask into an int of mask bits. */
    private static final IntVector LANE_BITS = laneBits();
    private static final VectorSpecies<Integer> I8 = IntVector.SPECIES_256;
    private static final int GROUP = Math.min(8, L);
    /** For each 8-bit mask, the positions of its set bits (then padding): one vector store lists them. */
    private static final int[] POSITIONS = positions();

    private VectorNonZeros() {
    }

    /** {@link Kernels#nonZeroSampleMasks}: per sample, each column's lane gets bit {@code s % 32} if non-zero. */
    static void nonZeroSampleMasks(float[] x, int xStride, int from, int count, int[] masks) {
        int blocks = (count + 31) >>> 5;
        for (int c = 0; c < Kernels.MASK_COLUMNS; c += L) {
            for (int b = 0; b < blocks; b++) {
                IntVector acc = IntVector.zero(I);
                int end = Math.min(count, (b + 1) << 5);
                for (int s = b << 5; s < end; s++) {
                    // |x| as bits is 0 only for +-0; its negation or itself has the sign bit set otherwise.
                    IntVector bits = FloatVector.fromArray(S, x, s * xStride + from + c).reinterpretAsInts()
                            .and(0x7fffffff);
                    acc = acc.or(bits.neg().or(bits).lanewise(VectorOperators.LSHR, 31)
                            .lanewise(VectorOperators.LSHL, s & 31));
                }
                acc.intoArray(masks, b * Kernels.MASK_COLUMNS + c);
            }
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

    static int nonZeros(float[] x, int off, int len, int[] index, float[] value) {
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

    static int nonZerosPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index, float[] valueA,
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

    static int nonZeroCount(float[] x, int off, int len) {
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

    static int nonZeroPositionsPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index) {
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

    static int nonZeroPositionsTriple(float[] x, int offA, int offB, int offC, int len, int[] index) {
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
}
