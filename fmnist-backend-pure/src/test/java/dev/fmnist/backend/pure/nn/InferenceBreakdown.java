package dev.fmnist.backend.pure.nn;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.backend.pure.PureBackendProvider;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import dev.fmnist.data.FashionMnist;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where prediction time goes, on the real test images with a network trained for one epoch: the
 * parts of the three-images-at-once path on one thread (listing the rows, the first layer, the whole
 * network, the softmax), then {@link Inference} itself over the 10,000 test images in batches of 1,000,
 * once cycling through ten batches (31 MB of input: the end-to-end benchmark's case) and once
 * repeating one batch (3 MB). A benchmark (a main class, never run by the tests); it lives in this
 * package to reach the package-private parts. Arguments: {@code [threads=1] [rounds=8]}.
 */
public final class InferenceBreakdown {
    private static final int BATCH = 1000;

    private InferenceBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        FashionMnist data = FashionMnist.locate();
        Dataset test = data.test();
        Weights w;
        try (Model m = new PureBackendProvider().create().trainer()
                .fit(TrainingJob.of(ModelSpec.mlp(), data.train(), TrainingConfig.defaults().withEpochs(1))).model()) {
            w = m.weights();
        }
        Kernels k = KernelSelector.best();
        DenseNetwork net = new DenseNetwork(ModelSpec.mlp(), w, k);
        int count = test.size() / 3 * 3;
        float[] images = test.scaledImages(0, test.size());
        float[][] batches = new float[test.size() / BATCH][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = Arrays.copyOfRange(images, b * BATCH * Images.PIXELS, (b + 1) * BATCH * Images.PIXELS);
        }
        float[] probabilities = new float[BATCH * 10];
        Scratch sc = new Scratch(net, 1);
        float[] firstLayer = new float[3 * net.stride(0)];
        int p = Images.PIXELS;
        System.out.printf(Locale.ROOT, "kernels %s, %d thread(s) for Inference; parts on one thread, ns per image%n",
                k.name(), threads);
        try (WorkerPool pool = threads > 1 ? new WorkerPool(threads, "breakdown") : null) {
            Inference inference = new Inference(net, pool);
            for (int round = 0; round < rounds; round++) {
                double list = perImage(count, () -> {
                    for (int s = 0; s < count; s += 3) {
                        k.nonZeroPositionsTriple(images, s * p, (s + 1) * p, (s + 2) * p, p, sc.index);
                    }
                });
                double layer1 = perImage(count, () -> {
                    for (int s = 0; s < count; s += 3) {
                        int n = k.nonZeroPositionsTriple(images, s * p, (s + 1) * p, (s + 2) * p, p, sc.index);
                        k.accumulateInputsTriple(net.kernel(0), net.stride(0), sc.index, n, images, s * p, (s + 1) * p,
                                (s + 2) * p, net.bias(0), 0, firstLayer, 0, net.stride(0), 2 * net.stride(0));
                    }
                });
                double whole = perImage(count, () -> {
                    for (int s = 0; s < count; s += 3) {
                        net.predictTriple(images, s * p, (s + 1) * p, (s + 2) * p, sc.triple, sc.index);
                    }
                });
                double softmax = perImage(BATCH, () -> {
                    for (int s = 0; s < BATCH; s++) {
                        SoftmaxCrossEntropy.probabilities(sc.triple[1], 0, 10, probabilities, s * 10, sc.exps);
                    }
                });
                double cycling = perImage(test.size(), () -> {
                    for (float[] batch : batches) {
                        inference.predict(batch, BATCH, probabilities);
                    }
                });
                double repeating = perImage(test.size(), () -> {
                    for (int b = 0; b < batches.length; b++) {
                        inference.predict(batches[0], BATCH, probabilities);
                    }
                });
                System.out.printf(Locale.ROOT,
                        "list rows %.0f | + first layer %.0f | whole net %.0f | softmax %.0f || predict %.0f (%,.0f images/s),"
                                + " one batch repeated %.0f (%,.0f images/s)%n",
                        list, layer1, whole, softmax, cycling, 1e9 / cycling, repeating, 1e9 / repeating);
            }
        }
    }

    /** The best of five runs of {@code r}, in nanoseconds per image of {@code images}. */
    private static double perImage(int images, Runnable r) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t) / (double) images);
        }
        return best;
    }
}
