package dev.fmnist.backend.pure.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API GEMM gives the scalar GEMM's bits for every tile shape and remainder (rows in fours and
 * singly, column blocks of 64, 32, 16 and leftover columns), A as stored, transposed and repeated, with
 * and without accumulation; and splitting the reduction into consecutive calls changes no bit. The same
 * for the product that starts from a bias row and applies ReLU ({@code gemmBias}).
 */
class GemmAgreementTest {
    private static Kernels vector;
    private static final Kernels SCALAR = KernelSelector.scalar();
    private final SplittableRandom random = new SplittableRandom(5);

    @BeforeAll
    static void vectorKernels() {
        vector = KernelSelector.vectorOrScalar();
        assumeTrue(vector != SCALAR, "run with --add-modules jdk.incubator.vector to compare the kernels");
    }

    private float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "4,64,9", "7,112,13", "13,21,300", "64,128,256", "5,17,1", "3,80,40", "9,48,7"})
    void sameBitsAsTheScalarKernel(int m, int n, int k) {
        int lda = k + 3;
        int ldb = n + 5;
        int ldc = n + 2;
        float[] a = random(m * lda + k + 8);
        float[] at = random(k * (m + 1) + 8);
        float[] b = random(k * ldb + 4);
        float[] c0 = random(m * ldc + 3);
        for (boolean accumulate : new boolean[] {false, true}) {
            for (int form = 0; form < 3; form++) {
                float[] av = form == 1 ? at : a;
                int aRow = form == 0 ? lda : form == 1 ? 1 : 0;
                int aCol = form == 0 ? 1 : form == 1 ? m + 1 : 0;
                float[] expected = c0.clone();
                float[] actual = c0.clone();
                SCALAR.gemm(m, n, k, av, 2, aRow, aCol, b, 1, ldb, expected, 3, ldc, accumulate);
                vector.gemm(m, n, k, av, 2, aRow, aCol, b, 1, ldb, actual, 3, ldc, accumulate);
                assertThat(actual).as("form %d accumulate %b", form, accumulate).containsExactly(expected);
                if (k > 1) {
                    float[] split = c0.clone();
                    int half = k / 2;
                    vector.gemm(m, n, half, av, 2, aRow, aCol, b, 1, ldb, split, 3, ldc, accumulate);
                    vector.gemm(m, n, k - half, av, 2 + half * aCol, aRow, aCol, b, 1 + half * ldb, ldb, split, 3, ldc,
                            true);
                    assertThat(split).as("split, form %d", form).containsExactly(expected);
                }
            }
        }
    }

    /** gemmBias gives the bits of bias copied into C, gemm with accumulation, then ReLU, on both kernel sets. */
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "4,64,9", "7,112,13", "13,21,300", "784,32,9", "5,17,1", "3,80,40", "196,64,288"})
    void biasAndReluInsideTheProduct(int m, int n, int k) {
        int ldc = n + 2;
        float[] a = random(m * k + 2);
        float[] b = random(k * n + 1);
        float[] bias = random(n + 4);
        for (boolean relu : new boolean[] {false, true}) {
            float[] expected = new float[m * ldc + 3];
            for (int i = 0; i < m; i++) {
                System.arraycopy(bias, 4, expected, 3 + i * ldc, n);
            }
            SCALAR.gemm(m, n, k, a, 2, k, 1, b, 1, n, expected, 3, ldc, true);
            if (relu) {
                for (int i = 0; i < m; i++) {
                    SCALAR.relu(expected, 3 + i * ldc, n);
                }
            }
            for (Kernels kernels : new Kernels[] {SCALAR, vector}) {
                float[] actual = new float[m * ldc + 3];
                kernels.gemmBias(m, n, k, a, 2, k, 1, b, 1, n, bias, 4, actual, 3, ldc, relu);
                assertThat(actual).as("%s relu %b", kernels.name(), relu).containsExactly(expected);
            }
        }
    }
}
