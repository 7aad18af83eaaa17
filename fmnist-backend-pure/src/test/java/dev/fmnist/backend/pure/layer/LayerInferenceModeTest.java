package dev.fmnist.backend.pure.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A network opened for inference only (as a loaded model is) predicts exactly what the same network
 * opened for training predicts, allocates a fraction of its buffers (no parameter gradients), and refuses
 * to train.
 */
class LayerInferenceModeTest {
    private static final int CAPACITY = 64;

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void predictsBitForBitWhatTheTrainingNetworkPredicts(int threads) {
        Kernels kernels = KernelSelector.best();
        float[] x = TestNets.randomInputs(CAPACITY + 5, 784, 4);
        float[] trained = new float[(CAPACITY + 5) * 10];
        float[] inferred = new float[trained.length];
        try (TestNets.Opened o = TestNets.open(LayerDeterminismTest.everything(), kernels, threads, CAPACITY, 9)) {
            o.net().predict(x, CAPACITY + 5, trained);
        }
        try (TestNets.Opened o = TestNets.open(LayerDeterminismTest.everything(), kernels, threads, CAPACITY, 9, false)) {
            o.net().predict(x, CAPACITY + 5, inferred);
        }
        assertThat(inferred).containsExactly(trained);
    }

    @Test
    void allocatesLessThanHalfOfWhatTrainingNeeds() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Kernels kernels = KernelSelector.scalar();
        LayerNetwork training = new LayerNetwork(LayerDeterminismTest.everything());
        LayerNetwork inference = new LayerNetwork(LayerDeterminismTest.everything());
        long t0 = mx.getCurrentThreadAllocatedBytes();
        training.open(CAPACITY, new Exec(kernels, null));
        long t1 = mx.getCurrentThreadAllocatedBytes();
        inference.openForInference(CAPACITY, new Exec(kernels, null));
        long t2 = mx.getCurrentThreadAllocatedBytes();
        assertThat(t2 - t1).as("bytes allocated opening for inference, against %d for training", t1 - t0)
                .isLessThan((t1 - t0) / 2);
    }

    @Test
    void holdsNoParameterGradientsUnlessOpenedForTraining() {
        Kernels kernels = KernelSelector.scalar();
        LayerNetwork net = new LayerNetwork(LayerDeterminismTest.everything());
        net.openForInference(8, new Exec(kernels, null));
        assertThat(net.params()).allSatisfy(p -> assertThat(p.grad).as(p.name()).isNull());
        net.open(8, new Exec(kernels, null));
        assertThat(net.params()).filteredOn(Param::trainable).isNotEmpty()
                .allSatisfy(p -> assertThat(p.grad).as(p.name()).hasSameSizeAs(p.data()));
        assertThat(net.params()).filteredOn(p -> !p.trainable()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.grad).as(p.name()).isNull());
    }

    @Test
    void refusesToTrain() {
        LayerNetwork net = new LayerNetwork(LayerDeterminismTest.everything());
        Kernels kernels = KernelSelector.scalar();
        net.openForInference(8, new Exec(kernels, null));
        assertThatThrownBy(() -> net.step(8, new int[8], null, TestNets.adam(net, kernels)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inference only");
    }
}
