package dev.fmnist.backend.dl4j.bench;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.backend.dl4j.Dl4jBackendProvider;
import dev.fmnist.backend.dl4j.runtime.Nd4jRuntime;
import dev.fmnist.data.FashionMnist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seconds per epoch at batch 32 and inference images/s on the real data, for the backend and for the same
 * network in plain DL4J code ({@link PlainDl4jBaseline} for the mlp, {@link PlainDl4jCnn} for the cnn
 * preset) in the same JVM, taking turns epoch by epoch so that load from other processes hits both alike.
 * {@code images} limits the training set (a CNN epoch on DL4J takes minutes; the ratio is what counts).
 * A benchmark, not a test: run it with
 *
 * <pre>
 * mvn -pl fmnist-backend-dl4j test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.fmnist.backend.dl4j.bench.Dl4jEpochBenchmark \
 *     -Dexec.args="[rounds] [plain|fmnist|both] [mlp|cnn] [images]"
 * </pre>
 */
public final class Dl4jEpochBenchmark {
    private static final int BATCH = 32;
    private static final int INFERENCE_BATCH = 1000;

    private Dl4jEpochBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String which = args.length > 1 ? args[1] : "both";
        boolean plain = !which.equals("fmnist");
        boolean fmnist = !which.equals("plain");
        String model = args.length > 2 ? args[2] : "mlp";
        boolean cnn = model.equals("cnn");
        FashionMnist data = FashionMnist.locate();
        Dataset train = args.length > 3 ? data.train().slice(0, Integer.parseInt(args[3])) : data.train();
        ModelSpec spec = ModelSpec.preset(model);
        Dataset test = data.test();
        try (Backend backend = new Dl4jBackendProvider().create()) {
            System.out.println("threads: " + Nd4jRuntime.threadSummary() + ", OMP_NUM_THREADS="
                    + System.getenv("OMP_NUM_THREADS") + ", load average " + java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
            PlainDl4jTrainer baseline = plain && !cnn ? PlainDl4jBaseline.open(train, BATCH) : null;
            PlainDl4jTrainer plainCnn = plain && cnn ? PlainDl4jCnn.open(train, BATCH, 32, 64, 128, 0.3) : null;
            List<Double> plainEpochs = new ArrayList<>();
            List<Double> fmnistEpochs = new ArrayList<>();
            Model last = null;
            for (int round = 0; round <= rounds; round++) {
                String tag = round == 0 ? "warm-up" : "round " + round;
                if (plain) {
                    double s = cnn ? plainCnn.epoch() : baseline.epoch();
                    System.out.printf(Locale.ROOT, "%-8s plain DL4J  %.2f s/epoch%n", tag, s);
                    if (round > 0) {
                        plainEpochs.add(s);
                    }
                }
                if (fmnist) {
                    TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withSeed(42 + round);
                    TrainingResult result = backend.trainer().fit(TrainingJob.of(spec, train, config));
                    double s = result.history().last().nanos() / 1e9;
                    System.out.printf(Locale.ROOT, "%-8s fmnist dl4j %.2f s/epoch (loss %.4f)%n", tag, s,
                            result.history().last().loss());
                    if (round > 0) {
                        fmnistEpochs.add(s);
                    }
                    if (last != null) {
                        last.close();
                    }
                    last = result.model();
                }
            }
            float[] images = test.scaledImages(0, test.size());
            if (plain) {
                INDArray features = Nd4j.create(images, new long[] {test.size(), 784}, 'c');
                double best = 0;
                for (int i = 0; i < 5; i++) {
                    best = Math.max(best, cnn ? plainCnn.inference(features, INFERENCE_BATCH)
                            : baseline.inference(features, INFERENCE_BATCH));
                }
                System.out.printf(Locale.ROOT, "plain DL4J  median %.2f s/epoch (best %.2f), inference %.0f images/s, "
                        + "test accuracy after %d epochs %.4f%n", median(plainEpochs), min(plainEpochs), best, rounds + 1,
                        cnn ? plainCnn.accuracy(features, test.labels(0, test.size()))
                                : baseline.accuracy(features, test.labels(0, test.size())));
            }
            if (fmnist) {
                double best = 0;
                float[] out = new float[INFERENCE_BATCH * 10];
                List<float[]> batches = new ArrayList<>();
                for (int from = 0; from < test.size(); from += INFERENCE_BATCH) {
                    batches.add(Arrays.copyOfRange(images, from * 784, (from + INFERENCE_BATCH) * 784));
                }
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    for (float[] batch : batches) {
                        last.predict(batch, INFERENCE_BATCH, out);
                    }
                    best = Math.max(best, test.size() / ((System.nanoTime() - start) / 1e9));
                }
                System.out.printf(Locale.ROOT, "fmnist dl4j median %.2f s/epoch (best %.2f), inference %.0f images/s, "
                        + "test accuracy after 1 epoch %.4f%n", median(fmnistEpochs), min(fmnistEpochs), best,
                        Evaluator.evaluate(last, test, INFERENCE_BATCH).accuracy());
                last.close();
            }
            if (plain && fmnist) {
                System.out.printf(Locale.ROOT, "fmnist / plain epoch time: median %.3f, best %.3f%n",
                        median(fmnistEpochs) / median(plainEpochs), min(fmnistEpochs) / min(plainEpochs));
            }
        }
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
