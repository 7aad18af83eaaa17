package dev.fmnist.backend.pure.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Training steps and predictions of a network with every op allocate nothing: every buffer is made when
 * the network opens. Checked on the scalar kernels and one thread (the Vector API allocates until compiled).
 */
class LayerNoAllocationTest {

    @Test
    void stepsAndPredictionsAllocateNothing() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Kernels kernels = KernelSelector.scalar();
        try (TestNets.Opened o = TestNets.open(LayerDeterminismTest.everything(), kernels, 1, 8, 3)) {
            LayerNetwork net = o.net();
            Optimizer adam = TestNets.adam(net, kernels);
            float[] x = TestNets.randomInputs(8, 784, 1);
            int[] labels = TestNets.randomLabels(8, 10, 2);
            float[] probs = new float[80];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(x, 0, net.input(), 0, x.length);
                net.step(8, labels, null, adam);
                net.predict(x, 8, probs);
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 5; i++) {
                System.arraycopy(x, 0, net.input(), 0, x.length);
                net.step(8, labels, null, adam);
                net.predict(x, 8, probs);
            }
            assertThat(mx.getCurrentThreadAllocatedBytes() - before).as("bytes allocated by 5 steps and predictions")
                    .isLessThan(1024);
        }
    }
}
