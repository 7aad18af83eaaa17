package dev.fmnist.backend.pure.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fmnist.api.model.Activation;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A network with every op trains to the same bits with 1, 2 and 3 threads and on both kernel sets, and
 * predicts each image with the same bits whatever the batch around it.
 */
class LayerDeterminismTest {
    private static final Dims IMAGE = new Dims(28, 28, 1);
    private static final int BATCH = 13;

    static List<Op> everything() {
        List<Op> ops = new ArrayList<>();
        Op c1 = new ConvOp("conv2d", IMAGE, 16, 3, 3, 1, 1, true, Activation.RELU, true);
        Op bn = new BatchNormOp("batch_normalization", c1.out, 0.99, 1e-3, true, true);
        Op p1 = new PoolOp("max_pooling2d", bn.out, 2, 2, 2, 2, false, true);
        Op c2 = new ConvOp("conv2d_1", p1.out, 32, 3, 3, 2, 2, false, Activation.LINEAR, false);
        Op relu = new ActivationOp("re_lu", c2.out, Activation.RELU);
        Op p2 = new PoolOp("average_pooling2d", relu.out, 2, 2, 1, 1, true, false);
        Op drop = new DropoutOp("dropout", p2.out, 0.25, 6);
        Op flat = new IdentityOp("flatten", drop.out, Dims.vector(drop.out.size()));
        Op d1 = new DenseOp("dense", flat.out, 70, Activation.RELU, true);
        Op d2 = new DenseOp("dense_1", d1.out, 10, Activation.SOFTMAX, true);
        ops.addAll(List.of(c1, bn, p1, c2, relu, p2, drop, flat, d1, d2));
        return ops;
    }

    private static List<float[]> train(Kernels kernels, int threads) {
        try (TestNets.Opened o = TestNets.open(everything(), kernels, threads, BATCH, 21)) {
            LayerNetwork net = o.net();
            Optimizer adam = TestNets.adam(net, kernels);
            for (int step = 0; step < 4; step++) {
                int n = step == 3 ? 6 : BATCH; // a short last batch
                float[] x = TestNets.randomInputs(n, IMAGE.size(), 100 + step);
                System.arraycopy(x, 0, net.input(), 0, x.length);
                net.context(new dev.fmnist.api.training.StepContext(21, 1, step));
                net.step(n, TestNets.randomLabels(n, 10, 200 + step), null, adam);
            }
            List<float[]> out = new ArrayList<>();
            for (Param p : net.params()) {
                out.add(p.data.clone());
            }
            float[] images = TestNets.randomInputs(17, IMAGE.size(), 300);
            float[] probs = new float[17 * 10];
            net.predict(images, 17, probs);
            out.add(probs);
            return out;
        }
    }

    @Test
    void sameBitsWithOneTwoAndThreeThreads() {
        Kernels kernels = KernelSelector.best();
        List<float[]> one = train(kernels, 1);
        assertThat(train(kernels, 2)).usingRecursiveComparison().isEqualTo(one);
        assertThat(train(kernels, 3)).usingRecursiveComparison().isEqualTo(one);
        assertThat(train(kernels, 1)).usingRecursiveComparison().isEqualTo(one);
    }

    @Test
    void trainingChangesEveryTrainableTensor() {
        Kernels kernels = KernelSelector.best();
        List<float[]> trained = train(kernels, 2);
        try (TestNets.Opened o = TestNets.open(everything(), kernels, 1, BATCH, 21)) {
            List<Param> ps = o.net().params();
            for (int i = 0; i < ps.size(); i++) {
                assertThat(trained.get(i)).as(ps.get(i).name).isNotEqualTo(ps.get(i).data);
            }
        }
    }

    @Test
    void vectorAndScalarKernelsGiveTheSameBits() {
        Kernels vector = KernelSelector.vectorOrScalar();
        assumeTrue(vector != KernelSelector.scalar(), "run with --add-modules jdk.incubator.vector");
        assertThat(train(vector, 2)).usingRecursiveComparison().isEqualTo(train(KernelSelector.scalar(), 1));
    }

    @Test
    void aPredictionDoesNotDependOnTheBatch() {
        Kernels kernels = KernelSelector.best();
        try (TestNets.Opened o = TestNets.open(everything(), kernels, 2, BATCH, 21)) {
            float[] images = TestNets.randomInputs(20, IMAGE.size(), 400);
            float[] all = new float[200];
            o.net().predict(images, 20, all);
            for (int i : new int[] {0, 7, 19}) {
                float[] one = new float[10];
                o.net().predict(java.util.Arrays.copyOfRange(images, i * IMAGE.size(), (i + 1) * IMAGE.size()), 1, one);
                assertThat(one).containsExactly(java.util.Arrays.copyOfRange(all, i * 10, i * 10 + 10));
            }
        }
    }
}
