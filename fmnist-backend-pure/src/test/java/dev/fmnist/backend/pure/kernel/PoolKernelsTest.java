package dev.fmnist.backend.pure.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 2x2 max-pooling kernels on both kernel sets: the output is the maximum of each window, and the
 * gradient goes to the first input of the window (row by row) equal to it, also when values tie (the inputs
 * here are rounded to a few levels so that ties are common), with {@code +0} everywhere else.
 */
class PoolKernelsTest {
    private final SplittableRandom random = new SplittableRandom(3);

    @ParameterizedTest(name = "{0}x{1} outputs, {2} channels")
    @CsvSource({"2,3,16", "7,7,32", "3,2,5", "1,1,48"})
    void maximumAndFirstMaximumGetTheGradient(int rows, int cols, int c) {
        int rowLen = 2 * cols * c;
        float[] x = new float[2 * rows * rowLen + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.floor(random.nextDouble() * 4) - 1; // -1, 0, 1, 2: many ties
        }
        float[] dy = new float[rows * cols * c + 2];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) random.nextGaussian();
        }
        float[] y = new float[dy.length];
        float[] dx = new float[x.length];
        int[] first = new int[rows * cols * c];
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                for (int ch = 0; ch < c; ch++) {
                    int o = (r * cols + q) * c + ch;
                    int[] at = {3 + 2 * r * rowLen + 2 * q * c + ch, 3 + 2 * r * rowLen + 2 * q * c + c + ch,
                        3 + (2 * r + 1) * rowLen + 2 * q * c + ch, 3 + (2 * r + 1) * rowLen + 2 * q * c + c + ch};
                    first[o] = at[0];
                    for (int e = 1; e < 4; e++) {
                        if (x[at[e]] > x[first[o]]) {
                            first[o] = at[e];
                        }
                    }
                    y[2 + o] = x[first[o]];
                    dx[first[o]] = dy[2 + o];
                }
            }
        }
        for (Kernels kernels : new Kernels[] {KernelSelector.scalar(), KernelSelector.vectorOrScalar()}) {
            float[] pooled = new float[y.length];
            kernels.maxPool2x2(x, 3, pooled, 2, rows, cols, c);
            assertThat(pooled).as(kernels.name()).containsExactly(y);
            float[] grad = new float[x.length];
            kernels.maxPool2x2Backward(x, 3, pooled, dy, 2, grad, rows, cols, c);
            assertThat(grad).as(kernels.name()).containsExactly(dx);
        }
    }
}
