package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Activation;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import dev.fmnist.data.FashionMnist;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a CNN training step's time goes, op by op (forward and backward), on the real training images;
 * then whole epochs and prediction. The network is the PyTorch peer's CNN (421,642 parameters).
 *
 * <p>Arguments: {@code [threads=2] [batch=64] [steps=300] [epochs=1]}.
 */
public final class CnnBreakdown {
    private CnnBreakdown() {
    }

    static List<Op> peerCnn() {
        Dims image = new Dims(28, 28, 1);
        Op c1 = new ConvOp("conv2d", image, 32, 3, 3, 1, 1, true, Activation.RELU, true);
        Op p1 = new PoolOp("max_pooling2d", c1.out, 2, 2, 2, 2, false, true);
        Op c2 = new ConvOp("conv2d_1", p1.out, 64, 3, 3, 1, 1, true, Activation.RELU, true);
        Op p2 = new PoolOp("max_pooling2d_1", c2.out, 2, 2, 2, 2, false, true);
        Op flat = new IdentityOp("flatten", p2.out, Dims.vector(p2.out.size()));
        Op d1 = new DenseOp("dense", flat.out, 128, Activation.RELU, true);
        Op d2 = new DenseOp("dense_1", d1.out, 10, Activation.SOFTMAX, true);
        return List.of(c1, p1, c2, p2, flat, d1, d2);
    }

    private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();
    private static boolean cpuClock;

    /** The calling thread's CPU time with one thread (meaningful on a busy machine), else wall time. */
    private static long clock() {
        return cpuClock ? MX.getCurrentThreadCpuTime() : System.nanoTime();
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        cpuClock = threads == 1;
        Kernels kernels = KernelSelector.best();
        FashionMnist data = FashionMnist.locate();
        Dataset train = data.train();
        BatchPlan plan = BatchPlan.shuffled(train.size(), batchSize, 42, 1);
        Batch[] batches = new Batch[plan.batchCount()];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new Batch(batchSize);
            batches[b].fill(train, plan, b);
        }
        WorkerPool pool = threads > 1 ? new WorkerPool(threads, "bench") : null;
        LayerNetwork net = new LayerNetwork(peerCnn());
        TestNets.randomise(net, 42);
        Exec exec = new Exec(kernels, pool);
        net.open(batchSize, exec);
        Optimizer adam = TestNets.adam(net, kernels);
        List<Op> ops = net.ops();
        long[] fwd = new long[ops.size()];
        long[] bwd = new long[ops.size()];
        for (int s = 0; s < steps; s++) {
            Batch batch = batches[s % batches.length];
            System.arraycopy(batch.images(), 0, net.input(), 0, batch.count() * 784);
            exec.n = batch.count();
            exec.training = true;
            exec.optimizer = null;
            boolean measure = s >= steps / 3;
            for (int i = 0; i < ops.size(); i++) {
                long t = clock();
                ops.get(i).forward(exec);
                if (measure) {
                    fwd[i] += clock() - t;
                }
            }
            Op last = ops.get(ops.size() - 1);
            double[] exps = new double[10];
            for (int q = 0; q < exec.n; q++) {
                dev.fmnist.backend.pure.nn.SoftmaxCrossEntropy.lossAndGradient(last.y, q * 10, 10, batch.labels()[q],
                        1.0 / exec.n, last.dy, q * 10, exps);
            }
            adam.beginStep();
            exec.optimizer = adam;
            for (int i = ops.size() - 1; i >= 0; i--) {
                long t = clock();
                ops.get(i).backward(exec);
                if (measure) {
                    bwd[i] += clock() - t;
                }
            }
        }
        long[] inf = new long[ops.size()];
        Batch first = batches[0];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(batches[s % batches.length].images(), 0, net.input(), 0, first.count() * 784);
            exec.n = first.count();
            exec.training = false;
            exec.optimizer = null;
            for (int i = 0; i < ops.size(); i++) {
                long t = clock();
                ops.get(i).forward(exec);
                if (s >= steps / 3) {
                    inf[i] += clock() - t;
                }
            }
        }
        int measured = steps - steps / 3;
        long infTotal = 0;
        for (int i = 0; i < ops.size(); i++) {
            System.out.printf(Locale.ROOT, "%-18s inference forward %8.1f us%n", ops.get(i).name, inf[i] / 1e3 / measured);
            infTotal += inf[i];
        }
        System.out.printf(Locale.ROOT, "inference forward %.1f us per batch of %d: %.0f images/s%n",
                infTotal / 1e3 / measured, batchSize, batchSize / (infTotal / 1e9 / measured));
        long total = 0;
        for (int i = 0; i < ops.size(); i++) {
            System.out.printf(Locale.ROOT, "%-18s forward %8.1f us  backward %8.1f us%n", ops.get(i).name,
                    fwd[i] / 1e3 / measured, bwd[i] / 1e3 / measured);
            total += fwd[i] + bwd[i];
        }
        System.out.printf(Locale.ROOT, cpuClock ? "CPU time of the one thread:%n" : "wall time:%n");
        System.out.printf(Locale.ROOT, "step %.1f us -> %.2f s per epoch of %d steps%n", total / 1e3 / measured,
                total / 1e9 / measured * batches.length, batches.length);
        for (int e = 0; e < epochs; e++) {
            long t = System.nanoTime();
            for (Batch b : batches) {
                net.step(b, null, adam);
            }
            System.out.printf(Locale.ROOT, "epoch %.2f s%n", (System.nanoTime() - t) / 1e9);
        }
        float[] test = data.test().scaledImages(0, 10_000);
        float[] probs = new float[100_000];
        for (int r = 0; r < 3; r++) {
            long t = clock();
            net.predict(test, 10_000, probs);
            System.out.printf(Locale.ROOT, "predict %,.0f images/s (%s)%n", 10_000 / ((clock() - t) / 1e9),
                    cpuClock ? "CPU time of the one thread" : "wall time");
        }
        if (pool != null) {
            pool.close();
        }
    }
}
