package dev.fmnist.backend.tf.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingListener;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.backend.tf.TfBackendProvider;
import dev.fmnist.backend.tf.session.Threads;
import dev.fmnist.data.FashionMnist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Seconds per epoch at batch 32 and inference images per second on the real Fashion-MNIST, for the fmnist
 * TensorFlow backend and for {@link PlainTfNetwork}, the same network in plain TensorFlow Java. Runs are
 * interleaved so machine noise hits both alike; the median epoch after the first (warm-up) is reported.
 * TensorFlow sizes its intra-op pool once per process (see {@code Threads}), so compare thread counts in
 * separate runs.
 *
 * <pre>
 * mvn -q -pl fmnist-backend-tf test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.fmnist.backend.tf.bench.TfEpochBenchmark -Dexec.args="3 2 0"
 * </pre>
 * Arguments: epochs per run (default 3), rounds (default 2), threads (default 0: the backend's choice).
 */
public final class TfEpochBenchmark {
    private static final int BATCH = 32;
    private static final int INFERENCE_BATCH = 1000;

    private TfEpochBenchmark() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        // The baseline gets the intra-op size the backend picks, so both run on the same process-wide pool.
        int intra = Threads.forTraining(TrainingConfig.defaults().withThreads(threads)).intraOp();
        FashionMnist data = FashionMnist.locate();
        Dataset train = data.train();
        Dataset test = data.test();
        float[] trainImages = train.scaledImages(0, train.size());
        int[] trainLabels = train.labels(0, train.size());
        float[] testImages = test.scaledImages(0, test.size());
        int[] testLabels = test.labels(0, test.size());
        System.out.printf(Locale.ROOT, "TF Java %s, %d cores, intra-op %d / inter-op 1, %d epochs x %d rounds, "
                + "batch %d%n", TfBackendProvider.VERSION, Runtime.getRuntime().availableProcessors(), intra, epochs,
                rounds, BATCH);

        List<Double> plainSeconds = new ArrayList<>();
        List<Double> fmnistSeconds = new ArrayList<>();
        try (Backend backend = new TfBackendProvider().create()) {
            for (int round = 1; round <= rounds; round++) {
                plainSeconds.addAll(plain(trainImages, trainLabels, testImages, testLabels, epochs, intra, 1));
                fmnistSeconds.addAll(fmnist(backend, train, test, epochs, threads));
            }
            System.out.println();
            System.out.println("seconds per epoch (median of epochs 2.., all rounds):");
            double base = median(plainSeconds);
            report("plain TF Java", plainSeconds, base);
            report("fmnist tf backend", fmnistSeconds, base);

            System.out.println();
            System.out.println("inference, 10,000 test images in batches of 1,000:");
            try (Model model = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train,
                    TrainingConfig.defaults().withEpochs(1))).model()) {
                // Batches prepared once, as Evaluator's reused Batch buffer would hold them.
                int batches = test.size() / INFERENCE_BATCH;
                float[][] inputs = new float[batches][];
                float[][] outputs = new float[batches][INFERENCE_BATCH * FashionClass.COUNT];
                for (int b = 0; b < batches; b++) {
                    inputs[b] = Arrays.copyOfRange(testImages, b * INFERENCE_BATCH * 784,
                            (b + 1) * INFERENCE_BATCH * 784);
                }
                List<Double> rates = new ArrayList<>();
                for (int rep = 0; rep < 30; rep++) {
                    long start = System.nanoTime();
                    for (int b = 0; b < batches; b++) {
                        model.predict(inputs[b], INFERENCE_BATCH, outputs[b]);
                    }
                    rates.add(test.size() / ((System.nanoTime() - start) / 1e9));
                }
                float[] out = new float[test.size() * FashionClass.COUNT];
                for (int b = 0; b < batches; b++) {
                    System.arraycopy(outputs[b], 0, out, b * outputs[b].length, outputs[b].length);
                }
                System.out.printf(Locale.ROOT, "  fmnist tf model.predict:  best %,.0f, median %,.0f images/s, "
                        + "accuracy %.4f%n", rates.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                        median(rates), accuracy(out, testLabels));
                System.out.printf(Locale.ROOT, "  (evaluation: %s)%n", Evaluator.evaluate(model, test, 1000)
                        .accuracy());
            }
            try (PlainTfTrainer plain = PlainTfNetwork.open(42, intra, 1)) {
                plain.epoch(trainImages, trainLabels, BATCH, 1);
                float[] out = new float[test.size() * FashionClass.COUNT];
                List<Double> rates = new ArrayList<>();
                for (int rep = 0; rep < 30; rep++) {
                    long start = System.nanoTime();
                    plain.predict(testImages, test.size(), INFERENCE_BATCH, out);
                    rates.add(test.size() / ((System.nanoTime() - start) / 1e9));
                }
                System.out.printf(Locale.ROOT, "  plain TF Java:            best %,.0f, median %,.0f images/s, "
                        + "accuracy %.4f%n", rates.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                        median(rates), accuracy(out, testLabels));
            }
        }
    }

    private static List<Double> plain(float[] images, int[] labels, float[] testImages, int[] testLabels,
            int epochs, int intra, int inter) {
        List<Double> seconds = new ArrayList<>();
        try (PlainTfTrainer net = PlainTfNetwork.open(42, intra, inter)) {
            for (int e = 1; e <= epochs; e++) {
                long start = System.nanoTime();
                long correct = net.epoch(images, labels, BATCH, e);
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "plain epoch %d: %.3f s, train accuracy %.4f%n", e, s, correct / (double) labels.length);
                if (e > 1) {
                    seconds.add(s);
                }
            }
            float[] out = new float[testLabels.length * FashionClass.COUNT];
            net.predict(testImages, testLabels.length, INFERENCE_BATCH, out);
            System.out.printf(Locale.ROOT, "plain test accuracy %.4f%n", accuracy(out, testLabels));
        }
        return seconds;
    }

    private static List<Double> fmnist(Backend backend, Dataset train, Dataset test, int epochs, int threads) {
        List<Double> seconds = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                double s = stats.nanos() / 1e9;
                System.out.printf(Locale.ROOT, "fmnist epoch %d: %.3f s, train accuracy %.4f%n",
                        stats.epoch(), s, stats.accuracy());
                if (stats.epoch() > 1) {
                    seconds.add(s);
                }
            }
        };
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs).withThreads(threads);
        TrainingResult result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config)
                .withListener(timer));
        try (Model model = result.model()) {
            System.out.printf(Locale.ROOT, "fmnist test accuracy %.4f%n",
                    Evaluator.evaluate(model, test, 1000).accuracy());
        }
        return seconds;
    }

    private static double accuracy(float[] probabilities, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (Prediction.argmax(probabilities, i) == labels[i]) {
                correct++;
            }
        }
        return correct / (double) labels.length;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void report(String label, List<Double> seconds, double base) {
        double m = median(seconds);
        System.out.printf(Locale.ROOT, "  %-36s %.3f s  (%+.1f%% vs plain; min %.3f, max %.3f)%n", label, m,
                (m / base - 1) * 100, seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }
}
