package dev.fmnist.backend.pure.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fmnist.api.model.Activation;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A convolution's output, predicting and training, against the definition computed directly (cross-correlation
 * over the window, TensorFlow's {@code same} placement, zeros outside), for thin inputs (gathered through the
 * zero-padded copy) and thick ones (copied window row by window row), every padding and stride, one and two threads.
 */
class ConvReferenceTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Dims(28, 28, 1), 3, 3, 1, true, 1),
                Arguments.of(new Dims(9, 7, 1), 3, 2, 2, false, 2),
                Arguments.of(new Dims(9, 7, 1), 4, 4, 2, true, 2),
                Arguments.of(new Dims(8, 5, 2), 3, 3, 1, true, 2),
                Arguments.of(new Dims(7, 9, 3), 5, 3, 2, true, 1),
                Arguments.of(new Dims(6, 6, 5), 3, 3, 1, true, 2),
                Arguments.of(new Dims(7, 6, 8), 2, 3, 2, false, 1));
    }

    @ParameterizedTest(name = "{0} kernel {1}x{2} stride {3} same {4}, {5} threads")
    @MethodSource("cases")
    void predictionAndTrainingForwardMatchTheDefinition(Dims in, int kh, int kw, int stride, boolean same,
            int threads) {
        Kernels kernels = KernelSelector.best();
        ConvOp conv = new ConvOp("c", in, 6, kh, kw, stride, stride, same, Activation.LINEAR, true);
        int n = 5;
        try (TestNets.Opened opened = TestNets.open(List.of(conv), kernels, threads, n, 7)) {
            LayerNetwork net = opened.net();
            float[] x = TestNets.randomInputs(n, in.size(), 11);
            float[] expected = reference(conv, x, n, stride, same);
            for (boolean training : new boolean[] {false, true}) {
                System.arraycopy(x, 0, net.input(), 0, x.length);
                net.forwardOnly(n, training);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], conv.y[i], 1e-4, (training ? "training" : "predicting") + " at " + i);
                }
            }
        }
    }

    private static float[] reference(ConvOp conv, float[] x, int n, int stride, boolean same) {
        Dims in = conv.in();
        Dims out = conv.out();
        int[] shape = conv.params().get(0).shape;
        int kh = shape[0];
        int kw = shape[1];
        int cin = in.c();
        int filters = out.c();
        float[] kernel = conv.params().get(0).data;
        float[] bias = conv.params().get(1).data;
        int strideY = stride;
        int strideX = stride;
        // TensorFlow's same padding: the total needed for out = ceil(in / stride), the smaller half before.
        int padY = same ? Math.max((out.h() - 1) * stride + kh - in.h(), 0) / 2 : 0;
        int padX = same ? Math.max((out.w() - 1) * stride + kw - in.w(), 0) / 2 : 0;
        float[] y = new float[n * out.size()];
        for (int s = 0; s < n; s++) {
            for (int oy = 0; oy < out.h(); oy++) {
                for (int ox = 0; ox < out.w(); ox++) {
                    for (int f = 0; f < filters; f++) {
                        double acc = bias[f];
                        for (int ky = 0; ky < kh; ky++) {
                            for (int kx = 0; kx < kw; kx++) {
                                int iy = oy * strideY - padY + ky;
                                int ix = ox * strideX - padX + kx;
                                if (iy < 0 || iy >= in.h() || ix < 0 || ix >= in.w()) {
                                    continue;
                                }
                                for (int c = 0; c < cin; c++) {
                                    acc += (double) x[s * in.size() + (iy * in.w() + ix) * cin + c]
                                            * kernel[((ky * kw + kx) * cin + c) * filters + f];
                                }
                            }
                        }
                        y[s * out.size() + (oy * out.w() + ox) * filters + f] = (float) acc;
                    }
                }
            }
        }
        return y;
    }
}
