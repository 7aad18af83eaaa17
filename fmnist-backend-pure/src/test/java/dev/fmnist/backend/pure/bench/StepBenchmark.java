package dev.fmnist.backend.pure.bench;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.backend.pure.PureSession;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.data.FashionMnist;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Times training steps alone (batches pre-filled, no trainer loop), in wall time and in the calling
 * thread's CPU time, which stays meaningful on a busy machine when run with one thread.
 *
 * <p>Arguments: {@code [threads=1] [batch=32] [rounds=10]}; each round is one epoch's steps.
 */
public final class StepBenchmark {
    private StepBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        FashionMnist data = FashionMnist.locate();
        Dataset train = data.train();
        TrainingConfig config = TrainingConfig.defaults().withThreads(threads).withBatchSize(batchSize);
        BatchPlan plan = BatchPlan.shuffled(train.size(), batchSize, config.seed(), 1);
        Batch[] batches = new Batch[plan.batchCount()];
        long nonZero = 0;
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new Batch(batchSize);
            batches[b].fill(train, plan, b);
            for (int i = 0; i < batches[b].count() * 784; i++) {
                nonZero += batches[b].raw()[i] != 0 ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "non-zero pixels: %.1f%%%n", 100.0 * nonZero / (train.size() * 784.0));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StepMetrics metrics = new StepMetrics();
        try (PureSession session = new PureSession(ModelSpec.mlp(), Initializers.glorotUniform(ModelSpec.mlp(), 42),
                config, KernelSelector.best())) {
            for (int r = 0; r < rounds; r++) {
                long process = os.getProcessCpuTime();
                long cpu = mx.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (Batch batch : batches) {
                    session.step(batch, new StepContext(1, 1, 0), metrics);
                }
                wall = System.nanoTime() - wall;
                cpu = mx.getCurrentThreadCpuTime() - cpu;
                process = os.getProcessCpuTime() - process;
                System.out.printf(Locale.ROOT,
                        "round %d: %.1f us/step wall, %.1f us/step caller CPU, %.1f us/step process CPU, epoch %.3f s%n",
                        r + 1, wall / 1e3 / batches.length, cpu / 1e3 / batches.length,
                        process / 1e3 / batches.length, wall / 1e9);
            }
            float[][] test = new float[10][];
            for (int b = 0; b < test.length; b++) {
                test[b] = data.test().scaledImages(b * 1000, 1000);
            }
            float[] probabilities = new float[1000 * 10];
            for (int r = 0; r < rounds; r++) {
                long cpu = mx.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (float[] images : test) {
                    session.predict(images, 1000, probabilities);
                }
                wall = System.nanoTime() - wall;
                cpu = mx.getCurrentThreadCpuTime() - cpu;
                System.out.printf(Locale.ROOT, "predict round %d: %,.0f images/s wall, %.2f us/image caller CPU%n",
                        r + 1, 10_000 / (wall / 1e9), cpu / 1e3 / 10_000);
            }
        }
    }
}
