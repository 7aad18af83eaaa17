package dev.fmnist.backend.pure.bench;

import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the kernels at the seed network's shapes, single-threaded: one image through the
 * first layer (half its 784 pixels non-zero, 128 units), two images at once, one kernel-gradient row
 * (32 samples), the listing of an image's non-zero pixels, and one Adam step over all 101,770
 * parameters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBenchmark {
    @Param({"vector", "scalar"})
    public String kernels;

    private Kernels k;
    private final float[] w1 = new float[784 * 128];
    private final float[] image = new float[784];
    private final float[] image2 = new float[784];
    private final float[] valueB = new float[784 + Kernels.INDEX_SLACK];
    private final int[] pairIndex = new int[784 + Kernels.INDEX_SLACK];
    private final float[] pairA = new float[784 + Kernels.INDEX_SLACK];
    private final float[] out2 = new float[128];
    private int pairRows;
    private final int[] index = new int[784 + Kernels.INDEX_SLACK];
    private final float[] value = new float[784 + Kernels.INDEX_SLACK];
    private int nonZeros;
    private final float[] bias = new float[128];
    private final float[] out = new float[128];
    private final float[] dh = new float[32 * 128];
    private final int[] samples = new int[32];
    private final float[] coef = new float[32];
    private final float[] params = new float[101_770];
    private final float[] m = new float[101_770];
    private final float[] v = new float[101_770];
    private final float[] grad = new float[101_770];

    @Setup
    public void setUp() {
        k = "vector".equals(kernels) ? KernelSelector.vectorOrScalar() : KernelSelector.scalar();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) r.nextGaussian() * 0.05f;
        }
        for (int i = 0; i < image.length; i++) {
            image[i] = r.nextBoolean() ? 0f : (float) r.nextDouble();
            image2[i] = r.nextBoolean() ? 0f : (float) r.nextDouble();
        }
        for (int i = 0; i < dh.length; i++) {
            dh[i] = (float) r.nextGaussian();
        }
        for (int s = 0; s < 32; s++) {
            samples[s] = s;
            coef[s] = (float) r.nextDouble();
        }
        for (int i = 0; i < grad.length; i++) {
            grad[i] = (float) r.nextGaussian() * 1e-3f;
        }
        nonZeros = k.nonZeros(image, 0, 784, index, value);
        pairRows = k.nonZerosPair(image, 0, image2, 0, 784, pairIndex, pairA, valueB);
    }

    /** The first layer for one image: about 392 rows of 128 weights. */
    @Benchmark
    public float firstLayerForward() {
        k.accumulateRows(w1, 128, index, value, nonZeros, bias, 0, out, 0);
        return out[7];
    }

    /** The first layer for two images at once, over the union of their non-zero pixels (about 588 rows). */
    @Benchmark
    public float firstLayerForwardPair() {
        k.accumulateRowsPair(w1, 128, pairIndex, pairA, valueB, pairRows, bias, 0, out, 0, out2, 0);
        return out[7] + out2[7];
    }

    /** One row of the first layer's kernel gradient: 32 samples of 128 hidden gradients. */
    @Benchmark
    public float kernelGradientRow() {
        k.accumulateRows(dh, 128, samples, coef, 32, null, 0, out, 0);
        return out[7];
    }

    /** The non-zero pixels of one image. */
    @Benchmark
    public int nonZeroPixels() {
        return k.nonZeros(image, 0, 784, index, value);
    }

    /** One Adam step over every parameter of the seed network. */
    @Benchmark
    public float adamStep() {
        k.adam(params, m, v, 0, grad, 0, params.length, 1e-3f, 0.1f, 0.001f, 1e-7f);
        return params[3];
    }
}
