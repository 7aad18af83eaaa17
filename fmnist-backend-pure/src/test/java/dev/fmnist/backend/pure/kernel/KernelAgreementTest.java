package dev.fmnist.backend.pure.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API kernels and the scalar kernels must give the same bits. */
class KernelAgreementTest {
    private static Kernels vector;
    private static final Kernels SCALAR = KernelSelector.scalar();
    private final SplittableRandom random = new SplittableRandom(3);

    @BeforeAll
    static void vectorKernels() {
        vector = KernelSelector.vectorOrScalar();
        assumeTrue(vector != SCALAR, "run with --add-modules jdk.incubator.vector to compare the kernels");
    }

    private float[] randomArray(int n, double zeroFraction) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble() < zeroFraction ? 0f : (float) random.nextGaussian();
        }
        return a;
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {16, 128, 144, 256})
    void accumulateRowsAgrees(int stride) {
        int rowsInW = 50;
        float[] w = randomArray(rowsInW * stride, 0);
        float[] init = randomArray(stride, 0);
        int n = 37;
        int[] rows = new int[n];
        float[] coef = randomArray(n, 0);
        for (int i = 0; i < n; i++) {
            rows[i] = random.nextInt(rowsInW);
        }
        for (float[] start : new float[][] {null, init}) {
            float[] a = new float[stride + 5];
            float[] b = new float[stride + 5];
            vector.accumulateRows(w, stride, rows, coef, n, start, 0, a, 5);
            SCALAR.accumulateRows(w, stride, rows, coef, n, start, 0, b, 5);
            assertThat(a).containsExactly(b);
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {16, 128, 144})
    void pairedRowsEqualTwoSingleSumsOverEachInputsOwnNonZeros(int stride) {
        int len = 300;
        float[] w = randomArray(len * stride, 0);
        float[] xa = randomArray(len, 0.5);
        float[] xb = randomArray(len, 0.5);
        float[] init = randomArray(stride, 0);
        int[] index = new int[len + Kernels.INDEX_SLACK];
        float[] va = new float[len + Kernels.INDEX_SLACK];
        float[] vb = new float[len + Kernels.INDEX_SLACK];
        int n = vector.nonZerosPair(xa, 0, xb, 0, len, index, va, vb);
        assertThat(SCALAR.nonZerosPair(xa, 0, xb, 0, len, new int[len + Kernels.INDEX_SLACK],
                new float[len + Kernels.INDEX_SLACK], new float[len + Kernels.INDEX_SLACK])).isEqualTo(n);
        float[] pairA = new float[stride];
        float[] pairB = new float[stride];
        vector.accumulateRowsPair(w, stride, index, va, vb, n, init, 0, pairA, 0, pairB, 0);
        float[] scalarA = new float[stride];
        float[] scalarB = new float[stride];
        SCALAR.accumulateRowsPair(w, stride, index, va, vb, n, init, 0, scalarA, 0, scalarB, 0);
        assertThat(pairA).containsExactly(scalarA);
        assertThat(pairB).containsExactly(scalarB);
        for (float[][] input : new float[][][] {{xa, pairA}, {xb, pairB}}) {
            float[] single = new float[stride];
            int m = vector.nonZeros(input[0], 0, len, index, va);
            vector.accumulateRows(w, stride, index, va, m, init, 0, single, 0);
            for (int c = 0; c < stride; c++) {
                assertThat(input[1][c] == single[c]).as("column %d: %s vs %s", c, input[1][c], single[c]).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {16, 128, 144})
    void coefficientsReadInPlaceGiveTheSameBitsAsCopiedOnes(int stride) {
        int len = 300;
        int offA = 7;
        int offB = 400;
        float[] w = randomArray(len * stride, 0);
        float[] x = randomArray(offB + len, 0.5);
        float[] init = randomArray(stride, 0);
        int[] index = new int[len + Kernels.INDEX_SLACK];
        float[] va = new float[len + Kernels.INDEX_SLACK];
        float[] vb = new float[len + Kernels.INDEX_SLACK];
        int n = vector.nonZerosPair(x, offA, x, offB, len, index, va, vb);
        for (Kernels k : new Kernels[] {vector, SCALAR}) {
            int[] positions = new int[len + Kernels.INDEX_SLACK];
            assertThat(k.nonZeroPositionsPair(x, offA, x, offB, len, positions)).isEqualTo(n);
            assertThat(java.util.Arrays.copyOf(positions, n)).containsExactly(java.util.Arrays.copyOf(index, n));
            for (float[] start : new float[][] {null, init}) {
                float[] copiedA = new float[stride];
                float[] copiedB = new float[stride];
                vector.accumulateRowsPair(w, stride, index, va, vb, n, start, 0, copiedA, 0, copiedB, 0);
                float[] inPlaceA = new float[stride + 3];
                float[] inPlaceB = new float[stride + 5];
                k.accumulateInputsPair(w, stride, positions, n, x, offA, x, offB, start, 0, inPlaceA, 3, inPlaceB, 5);
                assertThat(java.util.Arrays.copyOfRange(inPlaceA, 3, 3 + stride)).as(k.name()).containsExactly(copiedA);
                assertThat(java.util.Arrays.copyOfRange(inPlaceB, 5, 5 + stride)).as(k.name()).containsExactly(copiedB);
            }
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {16, 128, 144})
    void threeInputsAtOnceGiveEachItsOwnSum(int stride) {
        int len = 300;
        int[] offs = {3, 350, 700};
        float[] w = randomArray(len * stride, 0);
        float[] x = randomArray(1000, 0.6);
        float[] init = randomArray(stride, 0);
        int[] positions = new int[len + Kernels.INDEX_SLACK];
        int n = vector.nonZeroPositionsTriple(x, offs[0], offs[1], offs[2], len, positions);
        int[] scalarPositions = new int[len + Kernels.INDEX_SLACK];
        assertThat(SCALAR.nonZeroPositionsTriple(x, offs[0], offs[1], offs[2], len, scalarPositions)).isEqualTo(n);
        assertThat(java.util.Arrays.copyOf(positions, n)).containsExactly(java.util.Arrays.copyOf(scalarPositions, n));
        for (float[] start : new float[][] {null, init}) {
            float[] v = new float[3 * stride + 4];
            float[] s = new float[3 * stride + 4];
            vector.accumulateInputsTriple(w, stride, positions, n, x, offs[0], offs[1], offs[2], start, 0, v, 4,
                    4 + stride, 4 + 2 * stride);
            SCALAR.accumulateInputsTriple(w, stride, positions, n, x, offs[0], offs[1], offs[2], start, 0, s, 4,
                    4 + stride, 4 + 2 * stride);
            assertThat(v).containsExactly(s);
            for (int k = 0; k < 3; k++) {
                int[] own = new int[len + Kernels.INDEX_SLACK];
                float[] coef = new float[len + Kernels.INDEX_SLACK];
                int m = vector.nonZeros(x, offs[k], len, own, coef);
                float[] single = new float[stride];
                vector.accumulateRows(w, stride, own, coef, m, start, 0, single, 0);
                for (int c = 0; c < stride; c++) {
                    float got = v[4 + k * stride + c];
                    assertThat(got == single[c]).as("input %d column %d: %s vs %s", k, c, got, single[c]).isTrue();
                }
            }
        }
    }

    @Test
    void accumulateRowsComputesTheWeightedSum() {
        float[] w = new float[3 * 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = i;
        }
        float[] out = new float[16];
        vector.accumulateRows(w, 16, new int[] {2, 0}, new float[] {2f, -1f}, 2, null, 0, out, 0);
        for (int c = 0; c < 16; c++) {
            assertThat(out[c]).isEqualTo(2f * (32 + c) - c);
        }
    }

    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {1, 7, 31, 32, 33, 70})
    void sampleMasksAgreeAndMarkExactlyTheNonZeroInputs(int count) {
        int xStride = 40;
        int from = 21;
        float[] x = randomArray(count * xStride, 0.5);
        x[from] = -0f;
        x[(count - 1) * xStride + from + 3] = Float.NaN;
        x[from + 5] = Float.MIN_VALUE;
        int words = ((count + 31) / 32) * Kernels.MASK_COLUMNS;
        int[] a = new int[words + 3];
        int[] b = new int[words + 3];
        java.util.Arrays.fill(a, -1);
        java.util.Arrays.fill(b, -1);
        vector.nonZeroSampleMasks(x, xStride, from, count, a);
        SCALAR.nonZeroSampleMasks(x, xStride, from, count, b);
        assertThat(a).containsExactly(b);
        for (int s = 0; s < 32 * ((count + 31) / 32); s++) {
            for (int j = 0; j < Kernels.MASK_COLUMNS; j++) {
                boolean set = (a[(s / 32) * Kernels.MASK_COLUMNS + j] & (1 << (s % 32))) != 0;
                boolean nonZero = s < count && x[s * xStride + from + j] != 0;
                assertThat(set).as("sample %d column %d", s, j).isEqualTo(nonZero);
            }
        }
        assertThat(a[words]).isEqualTo(-1);
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {0, 1, 15, 16, 17, 256 + 7, 32 * 784})
    void pixelScalingAgreesWithTheTableForEveryByte(int len) {
        byte[] src = new byte[len + 3];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i < 256 ? i : random.nextInt(256));
        }
        float[] a = new float[len + 5];
        float[] b = new float[len + 5];
        vector.scalePixels(src, 3, a, 5, len);
        dev.fmnist.api.data.Images.scale(src, 3, b, 5, len);
        assertThat(a).containsExactly(b);
        if (len > 255) {
            assertThat(a[5 + 252]).isEqualTo(1f);
            assertThat(a[5 + 125]).isEqualTo(128 / 255f);
        }
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {1, 16, 100, 784})
    void elementwiseKernelsAgree(int len) {
        float[] a = randomArray(len, 0.3);
        float[] a2 = a.clone();
        vector.relu(a, 0, len);
        SCALAR.relu(a2, 0, len);
        assertThat(a).containsExactly(a2);

        float[] d = randomArray(len, 0);
        float[] d2 = d.clone();
        float[] act = randomArray(len, 0.5);
        vector.reluBackward(d, 0, act, 0, len);
        SCALAR.reluBackward(d2, 0, act, 0, len);
        assertThat(d).containsExactly(d2);

        int[] i1 = new int[len + Kernels.INDEX_SLACK];
        int[] i2 = new int[len + Kernels.INDEX_SLACK];
        float[] v1 = new float[len + Kernels.INDEX_SLACK];
        float[] v2 = new float[len + Kernels.INDEX_SLACK];
        float[] x = randomArray(len, 0.5);
        x[0] = -0f; // negative zero counts as zero
        int expected = 0;
        for (float e : x) {
            expected += e != 0 ? 1 : 0;
        }
        assertThat(vector.nonZeroCount(x, 0, len)).isEqualTo(expected);
        assertThat(SCALAR.nonZeroCount(x, 0, len)).isEqualTo(expected);
        int n1 = vector.nonZeros(x, 0, len, i1, v1);
        int n2 = SCALAR.nonZeros(x, 0, len, i2, v2);
        assertThat(n1).isEqualTo(n2).isEqualTo(expected);
        for (int i = 0; i < n1; i++) {
            assertThat(i1[i]).isEqualTo(i2[i]);
            assertThat(x[i1[i]]).isEqualTo(v1[i]);
            assertThat(v1[i]).isEqualTo(v2[i]).isNotZero();
        }
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {7, 16, 128, 1000})
    void optimizerKernelsAgree(int len) {
        float[] g = randomArray(len, 0.2);
        float[][] a = {randomArray(len, 0), new float[len], new float[len]};
        float[][] b = {a[0].clone(), new float[len], new float[len]};
        for (int step = 0; step < 3; step++) {
            vector.adam(a[0], a[1], a[2], 0, g, 0, len, 3e-4f, 0.1f, 0.001f, 1e-7f);
            SCALAR.adam(b[0], b[1], b[2], 0, g, 0, len, 3e-4f, 0.1f, 0.001f, 1e-7f);
            vector.sgd(a[0], a[1], 0, g, 0, len, 0.01f, 0.9f);
            SCALAR.sgd(b[0], b[1], 0, g, 0, len, 0.01f, 0.9f);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(a[i]).containsExactly(b[i]);
        }
    }

    /**
     * Momenta that go subnormal (a column whose gradient stays zero decays by beta1 a step) next to
     * weights of every size, zero, subnormal, infinite and NaN: the vector Adam's shortcut for steps from
     * subnormal momenta must leave exactly the scalar kernel's bits.
     */
    @Test
    void adamAgreesWhenMomentaGoSubnormal() {
        Kernels vector = KernelSelector.vectorOrScalar();
        assumeTrue(vector != SCALAR, "run with --add-modules jdk.incubator.vector");
        int len = 16 * 40 + 3;
        java.util.Random random = new java.util.Random(11);
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_NORMAL, 1e-30f, -3e-26f, 1e-20f, 2.5e-3f, -0.07f,
            1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (float epsilon : new float[] {1e-7f, 1e-3f, 0f}) {
            for (float alpha : new float[] {1e-3f, 5f, -1e-3f}) {
                float[][] a = new float[3][len];
                float[][] b = new float[3][len];
                float[] g = new float[len];
                for (int i = 0; i < len; i++) {
                    a[0][i] = i % 5 == 0 ? special[random.nextInt(special.length)] : (random.nextFloat() - 0.5f) * 0.2f;
                    // Momenta from subnormal to normal; a third of the gradients zero, so they decay.
                    a[1][i] = (random.nextBoolean() ? 1 : -1) * Math.scalb(1f + random.nextFloat(), -100 - random.nextInt(50));
                    a[2][i] = random.nextFloat() * 1e-6f;
                    g[i] = i % 3 == 0 ? 0f : (random.nextFloat() - 0.5f) * 1e-3f;
                }
                for (int k = 0; k < 3; k++) {
                    b[k] = a[k].clone();
                }
                for (int step = 0; step < 40; step++) {
                    vector.adam(a[0], a[1], a[2], 0, g, 0, len, alpha, 0.1f, 0.001f, epsilon);
                    SCALAR.adam(b[0], b[1], b[2], 0, g, 0, len, alpha, 0.1f, 0.001f, epsilon);
                }
                long subnormal = 0;
                for (float x : a[1]) {
                    subnormal += x != 0 && Math.abs(x) < Float.MIN_NORMAL ? 1 : 0;
                }
                assertThat(subnormal).as("subnormal momenta left").isGreaterThan(len / 10);
                for (int k = 0; k < 3; k++) {
                    for (int i = 0; i < len; i++) {
                        assertThat(Float.floatToRawIntBits(a[k][i])).as("epsilon %s, alpha %s, array %d, element %d",
                                epsilon, alpha, k, i).isEqualTo(Float.floatToRawIntBits(b[k][i]));
                    }
                }
            }
        }
    }

    @Test
    void tinyStepFloorIsNeverWhenEpsilonDoesNotBoundTheDenominator() {
        assertThat(VectorElementwise.tinyStepWeightFloor(1e-3f, 0f)).isNaN();
        assertThat(VectorElementwise.tinyStepWeightFloor(Float.NaN, 1e-7f)).isNaN();
        assertThat(VectorElementwise.tinyStepWeightFloor(Float.MAX_VALUE, Float.MIN_VALUE)).isNaN();
        assertThat(VectorElementwise.tinyStepWeightFloor(1e-3f, 1e-7f)).isBetween(Float.MIN_NORMAL, 1e-24f);
    }
}
