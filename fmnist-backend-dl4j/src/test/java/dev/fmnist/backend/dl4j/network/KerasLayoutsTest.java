package dev.fmnist.backend.dl4j.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fmnist.backend.dl4j.runtime.Nd4jRuntime;
import java.util.Random;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Keras-to-DL4J layout mappings, on their own and inside tiny DL4J networks whose output is compared
 * with Keras's arithmetic written out by hand ({@link NhwcReference}).
 */
class KerasLayoutsTest {
    private final Random random = new Random(7);

    @BeforeAll
    static void start() {
        Nd4jRuntime.start();
    }

    @Test
    void convKernelMapsEachWeightToItsDl4jPositionAndBack() {
        int kh = 2;
        int kw = 3;
        int in = 2;
        int out = 4;
        float[] keras = new float[kh * kw * in * out];
        for (int i = 0; i < keras.length; i++) {
            keras[i] = i;
        }
        float[] dl4j = KerasLayouts.convKernelToDl4j(keras, kh, kw, in, out);
        // Keras [y=1, x=2, i=1, o=3] is element ((1*3+2)*2+1)*4+3 = 47; DL4J [o=3, i=1, y=1, x=2] is ((3*2+1)*2+1)*3+2 = 47.
        assertThat(dl4j[((3 * 2 + 1) * 2 + 1) * 3 + 2]).isEqualTo(47f);
        // Keras [0, 1, 0, 2] = ((0*3+1)*2+0)*4+2 = 10 sits at DL4J [2, 0, 0, 1] = ((2*2+0)*2+0)*3+1 = 25.
        assertThat(dl4j[25]).isEqualTo(10f);
        assertThat(KerasLayouts.convKernelToKeras(dl4j, kh, kw, in, out)).containsExactly(keras);
    }

    @Test
    void flattenedRowsFollowTheChannelsFirstOrder() {
        int h = 2;
        int w = 3;
        int c = 2;
        int units = 2;
        float[] keras = new float[h * w * c * units];
        for (int i = 0; i < keras.length; i++) {
            keras[i] = i;
        }
        float[] dl4j = KerasLayouts.flattenedRowsToDl4j(keras, h, w, c, units);
        // Keras row (y=1, x=0, ch=1) = (1*3+0)*2+1 = 7 becomes DL4J row (ch=1, y=1, x=0) = (1*2+1)*3+0 = 9.
        assertThat(dl4j[9 * units]).isEqualTo(7 * units);
        assertThat(dl4j[9 * units + 1]).isEqualTo(7 * units + 1);
        assertThat(KerasLayouts.flattenedRowsToKeras(dl4j, h, w, c, units)).containsExactly(keras);
    }

    @Test
    void channelsLastActivationsMoveToChannelsFirst() {
        float[] nhwc = {1, 2, 3, 4, 5, 6}; // n=1, h=1, w=3, c=2: (x0: 1,2) (x1: 3,4) (x2: 5,6)
        float[] nchw = new float[6];
        KerasLayouts.channelsLastToFirst(nhwc, 1, 1, 3, 2, nchw);
        assertThat(nchw).containsExactly(1, 3, 5, 2, 4, 6);
    }

    /**
     * Conv2D -> pooling -> Flatten -> Dense on DL4J with Keras-layout weights gives Keras's output: padding
     * (including TensorFlow's extra bottom/right cell for "same" at stride 2 on even sizes), the kernel
     * mapping and the flatten order all have to be right for this to hold.
     */
    @ParameterizedTest(name = "input {0}x{1}x{2}, kernel {3}, stride {4}, same {5}, pool {6} {7} same {8}")
    @CsvSource({
        "5, 5, 2, 3, 1, true, 2, max, true",
        "6, 6, 1, 3, 2, true, 2, max, true",
        "7, 6, 2, 2, 1, false, 2, max, false",
        "6, 5, 3, 3, 2, true, 2, avg, true",
        "7, 7, 1, 3, 1, false, 3, avg, true",
    })
    void aTinyConvNetworkMatchesKerasArithmetic(int h, int w, int c, int k, int stride, boolean same, int pool,
            String poolType, boolean poolSame) {
        int filters = 3;
        int units = 4;
        boolean max = poolType.equals("max");
        ConvolutionMode convMode = same ? ConvolutionMode.Same : ConvolutionMode.Truncate;
        ConvolutionMode poolMode = poolSame ? ConvolutionMode.Same : ConvolutionMode.Truncate;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(k, k).stride(stride, stride).convolutionMode(convMode)
                        .nOut(filters).activation(Activation.IDENTITY).build())
                .layer(new SubsamplingLayer.Builder(max ? PoolingType.MAX : PoolingType.AVG).kernelSize(pool, pool)
                        .stride(pool, pool).convolutionMode(poolMode).avgPoolIncludePadInDivisor(false).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(units)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(h, w, c)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        float[] kernel = randoms(k * k * c * filters);
        float[] convBias = randoms(filters);
        int ch = NhwcReference.outSize(h, k, stride, same);
        int cw = NhwcReference.outSize(w, k, stride, same);
        int ph = NhwcReference.outSize(ch, pool, pool, poolSame);
        int pw = NhwcReference.outSize(cw, pool, pool, poolSame);
        float[] dense = randoms(ph * pw * filters * units);
        float[] denseBias = randoms(units);
        net.getParam("0_W").assign(Nd4j.create(KerasLayouts.convKernelToDl4j(kernel, k, k, c, filters),
                new long[] {filters, c, k, k}, 'c'));
        net.getParam("0_b").assign(Nd4j.create(convBias, new long[] {1, filters}, 'c'));
        net.getParam("2_W").assign(Nd4j.create(KerasLayouts.flattenedRowsToDl4j(dense, ph, pw, filters, units),
                new long[] {(long) ph * pw * filters, units}, 'c'));
        net.getParam("2_b").assign(Nd4j.create(denseBias, new long[] {1, units}, 'c'));

        float[] image = randoms(h * w * c);
        float[] nchw = new float[image.length];
        KerasLayouts.channelsLastToFirst(image, 1, h, w, c, nchw);
        INDArray out = net.output(Nd4j.create(nchw, new long[] {1, c, h, w}, 'c'), false);

        float[] conv = NhwcReference.conv(image, h, w, c, kernel, convBias, k, k, filters, stride, same);
        float[] pooled = NhwcReference.pool(conv, ch, cw, filters, pool, pool, poolSame, max);
        float[] expected = NhwcReference.dense(pooled, dense, denseBias, units);
        assertThat(out.shape()).containsExactly(1, units);
        for (int u = 0; u < units; u++) {
            assertThat(out.getFloat(0, u)).as("unit %d", u).isCloseTo(expected[u], within(1e-4f));
        }
    }

    private float[] randoms(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
