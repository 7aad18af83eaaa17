package dev.fmnist.backend.pure.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Weights;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Prediction runs images in threes, pairs and singly; every path must give each image the bits of the
 * plain one-image forward pass, on both kernel sets and any thread count.
 */
class InferenceTest {
    private static final ModelSpec DEEP = new ModelSpec("deep", List.of(new LayerSpec.Flatten(),
            new LayerSpec.Dense(40, Activation.RELU), new LayerSpec.Dense(24, Activation.LINEAR),
            new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));

    /** Images with about half their pixels zero, like Fashion-MNIST. */
    private static float[] images(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[count * Images.PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < 0.5 ? 0f : (float) r.nextDouble();
        }
        return x;
    }

    /** What {@link Inference} must give: each image alone through {@link DenseNetwork#forward}. */
    private static float[] oneByOne(DenseNetwork net, float[] x, int count) {
        Scratch sc = new Scratch(net, 1);
        int last = net.layers() - 1;
        float[] p = new float[count * FashionClass.COUNT];
        for (int s = 0; s < count; s++) {
            net.forward(x, s * Images.PIXELS, sc.out, sc.outOff, sc);
            SoftmaxCrossEntropy.probabilities(sc.out[last], 0, FashionClass.COUNT, p, s * FashionClass.COUNT, sc.exps);
        }
        return p;
    }

    @Test
    void everyBatchSizeAndThreadCountGivesTheOneImageBitsOnBothKernelSets() {
        for (ModelSpec spec : List.of(ModelSpec.mlp(), DEEP)) {
            Weights w = Initializers.glorotUniform(spec, 3);
            float[] x = images(31, 7);
            DenseNetwork vector = new DenseNetwork(spec, w, KernelSelector.vectorOrScalar());
            DenseNetwork scalar = new DenseNetwork(spec, w, KernelSelector.scalar());
            float[] expected = oneByOne(scalar, x, 31);
            assertThat(oneByOne(vector, x, 31)).containsExactly(expected);
            for (DenseNetwork net : List.of(vector, scalar)) {
                for (int threads : new int[] {1, 2, 3}) {
                    try (WorkerPool pool = threads == 1 ? null : new WorkerPool(threads, "inference-test")) {
                        Inference inference = new Inference(net, pool);
                        for (int count : new int[] {1, 2, 3, 4, 5, 12, 13, 14, 31}) {
                            float[] p = new float[count * FashionClass.COUNT];
                            inference.predict(x, count, p);
                            assertThat(p).as("%s, %s kernels, %d threads, %d images", spec.name(),
                                    net.kernels().name(), threads, count)
                                    .containsExactly(java.util.Arrays.copyOf(expected, p.length));
                        }
                    }
                }
            }
        }
    }

    @Test
    void predictionAllocatesNothing() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Kernels scalar = KernelSelector.scalar(); // no JIT warm-up involved
        DenseNetwork net = new DenseNetwork(ModelSpec.mlp(), Initializers.glorotUniform(ModelSpec.mlp(), 1), scalar);
        Inference inference = new Inference(net, null);
        float[] x = images(14, 2);
        float[] p = new float[14 * FashionClass.COUNT];
        inference.predict(x, 14, p);
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 5; i++) {
            inference.predict(x, 14, p);
        }
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).as("bytes allocated by 5 predictions").isLessThan(1024);
    }
}
