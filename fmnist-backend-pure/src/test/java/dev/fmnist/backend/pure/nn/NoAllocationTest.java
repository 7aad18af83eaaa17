package dev.fmnist.backend.pure.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.backend.pure.PureSession;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Training steps allocate nothing: every buffer is made when the session opens. Checked on the scalar
 * kernels and one thread, where no JIT warm-up is involved (the Vector API allocates until compiled).
 */
class NoAllocationTest {

    @Test
    void stepsAllocateNothing() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TrainingConfig config = TrainingConfig.defaults().withThreads(1);
        var data = SyntheticData.train();
        BatchPlan plan = BatchPlan.shuffled(data.size(), config.batchSize(), 1, 1);
        Batch batch = new Batch(config.batchSize());
        StepMetrics metrics = new StepMetrics();
        try (PureSession session = new PureSession(ModelSpec.mlp(), Initializers.glorotUniform(ModelSpec.mlp(), 1),
                config, KernelSelector.scalar())) {
            batch.fill(data, plan, 0);
            for (int i = 0; i < 3; i++) {
                session.step(batch, new StepContext(1, 1, 0), metrics);
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20; i++) {
                session.step(batch, new StepContext(1, 1, 0), metrics);
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertThat(allocated).as("bytes allocated by 20 steps").isLessThan(1024);
        }
    }
}
