package dev.fmnist.backend.pure.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.backend.pure.PureBackend;
import dev.fmnist.backend.pure.PureBackendProvider;
import dev.fmnist.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * End-to-end benchmark on the real Fashion-MNIST files: trains the {@code mlp} at batch 32 through the
 * public API (the same {@code SessionTrainer} loop the CLI uses), then times inference on the 10,000
 * test images in batches of 1,000. Prints seconds per epoch, samples/s, GFLOP/s and the fraction of the
 * machine's peak, images/s, test accuracy and peak RSS.
 *
 * <p>Arguments: {@code [epochs=5] [threads=0] [batch=32]}.
 */
public final class EpochBenchmark {
    /** Forward and backward FLOP per training image for the mlp (no input gradient). */
    static final double FLOP_PER_IMAGE = 203_000 + 206_000;
    /** The development machine's peak: 2 cores x 2.6 GHz x 2 FMA units x 16 lanes x 2 FLOP. */
    static final double PEAK_GFLOPS = 333;
    private static final int INFERENCE_BATCH = 1000;

    private EpochBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        FashionMnist data = FashionMnist.locate();
        Dataset train = data.train();
        Dataset test = data.test();
        System.out.println("RSS after loading the data: " + rss("VmRSS:"));
        PureBackend backend = (PureBackend) new PureBackendProvider().create();
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs).withThreads(threads).withBatchSize(batch);
        System.out.printf(Locale.ROOT, "pure backend, kernels %s, threads %d, batch %d, %d epochs, %s%n",
                backend.kernels(), config.effectiveThreads(), batch, epochs, System.getProperty("java.vm.version"));

        TrainingResult result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config));
        double best = Double.MAX_VALUE;
        for (EpochStats e : result.history().epochs()) {
            double seconds = e.nanos() / 1e9;
            best = Math.min(best, seconds);
            double gflops = FLOP_PER_IMAGE * e.samples() / seconds / 1e9;
            System.out.printf(Locale.ROOT,
                    "epoch %d: %.3f s, %,.0f samples/s, %.1f GFLOP/s (%.1f%% of %.0f peak), loss %.4f, accuracy %.4f%n",
                    e.epoch(), seconds, e.samples() / seconds, gflops, 100 * gflops / PEAK_GFLOPS, PEAK_GFLOPS,
                    e.loss(), e.accuracy());
        }
        System.out.printf(Locale.ROOT, "best epoch: %.3f s (%.1f GFLOP/s)%n", best,
                FLOP_PER_IMAGE * train.size() / best / 1e9);
        System.out.println("RSS after training: " + rss("VmRSS:") + ", peak so far " + rss("VmHWM:"));

        try (Model model = result.model()) {
            float[][] batches = new float[test.size() / INFERENCE_BATCH][];
            for (int b = 0; b < batches.length; b++) {
                batches[b] = test.scaledImages(b * INFERENCE_BATCH, INFERENCE_BATCH);
            }
            float[] probabilities = new float[INFERENCE_BATCH * FashionClass.COUNT];
            double[] rates = new double[30];
            for (int round = -10; round < rates.length; round++) {
                long start = System.nanoTime();
                for (float[] images : batches) {
                    model.predict(images, INFERENCE_BATCH, probabilities);
                }
                long nanos = System.nanoTime() - start;
                if (round >= 0) {
                    rates[round] = test.size() / (nanos / 1e9);
                }
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT,
                    "inference: %,.0f images/s median, %,.0f best (10,000 test images, batches of %d, %d rounds)%n",
                    rates[rates.length / 2], rates[rates.length - 1], INFERENCE_BATCH, rates.length);
            Evaluation evaluation = Evaluator.evaluate(model, test, INFERENCE_BATCH);
            System.out.printf(Locale.ROOT, "test accuracy after %d epochs: %.4f (loss %.4f)%n", epochs,
                    evaluation.accuracy(), evaluation.loss());
        }
        System.out.println("peak RSS: " + rss("VmHWM:") + " (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB)");
    }

    /** A field of /proc/self/status (Linux) such as {@code VmHWM:} (peak RSS), or "unknown". */
    static String rss(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "unknown";
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field)) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
            }
        }
        return "unknown";
    }
}
