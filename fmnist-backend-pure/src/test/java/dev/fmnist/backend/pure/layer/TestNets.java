package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.List;
import java.util.Random;

/** Small networks with seeded random parameters and inputs for the engine's tests. */
final class TestNets {
    private TestNets() {
    }

    /** Uniform values in [-limit, limit] with limit sqrt(6 / (fanIn + fanOut)) for kernels; small random rest. */
    static void randomise(LayerNetwork net, long seed) {
        Random r = new Random(seed);
        for (Param p : net.params()) {
            String w = p.name.substring(p.name.lastIndexOf('/') + 1);
            int[] s = p.shape;
            double limit;
            if (w.equals("kernel")) {
                int fanIn = 1;
                for (int i = 0; i < s.length - 1; i++) {
                    fanIn *= s[i];
                }
                int receptive = fanIn / s[s.length - 2];
                limit = Math.sqrt(6.0 / (fanIn + receptive * s[s.length - 1]));
            } else {
                limit = 0.2;
            }
            for (int i = 0; i < p.data.length; i++) {
                double v = (2 * r.nextDouble() - 1) * limit;
                p.data[i] = (float) switch (w) {
                    case "gamma" -> 1 + v;
                    case "moving_variance" -> 1 + Math.abs(v);
                    default -> v;
                };
            }
        }
    }

    static float[] randomInputs(int n, int size, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }

    static int[] randomLabels(int n, int classes, long seed) {
        Random r = new Random(seed);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = r.nextInt(classes);
        }
        return l;
    }

    /** Opens {@code ops} as a network on {@code threads} threads (closed by the caller through {@link Opened}). */
    static Opened open(List<Op> ops, Kernels kernels, int threads, int capacity, long seed) {
        return open(ops, kernels, threads, capacity, seed, true);
    }

    /** {@link #open(List, Kernels, int, int, long)} for training or, if {@code training} is false, for inference. */
    static Opened open(List<Op> ops, Kernels kernels, int threads, int capacity, long seed, boolean training) {
        WorkerPool pool = threads > 1 ? new WorkerPool(threads, "test") : null;
        LayerNetwork net = new LayerNetwork(ops);
        randomise(net, seed);
        if (training) {
            net.open(capacity, new Exec(kernels, pool));
        } else {
            net.openForInference(capacity, new Exec(kernels, pool));
        }
        net.context(new dev.fmnist.api.training.StepContext(seed, 1, 0));
        return new Opened(net, pool);
    }

    static Optimizer adam(LayerNetwork net, Kernels kernels) {
        return Optimizer.create(new OptimizerConfig.Adam(1e-3, 0.9, 0.999, 1e-7), net.trainableSizes(), kernels);
    }

    /** A network and the pool it runs on. */
    record Opened(LayerNetwork net, WorkerPool pool) implements AutoCloseable {
        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }
}
