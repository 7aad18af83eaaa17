package dev.fmnist.cli.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.json.Json;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.io.ModelDescriptions;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.locate.DataLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one backend in its own JVM and prints one line {@value #RESULT_PREFIX}{@code <json>} on
 * standard output; {@link BenchmarkRunner} starts it. Training time is the trainer's own per-epoch time
 * (steps only, no validation); inference is the best of several passes over the test set in batches
 * of 1,000 after a warm-up pass.
 */
public final class BenchmarkWorker {
    /** Marks the result line among whatever else a backend prints. */
    public static final String RESULT_PREFIX = "FMNIST-BENCH-RESULT ";
    private static final int INFERENCE_PASSES = 5;

    private BenchmarkWorker() {
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        String backendName = options.get("--backend");
        BenchmarkResult result;
        try {
            result = measure(options);
        } catch (FmnistException | LinkageError e) {
            result = BenchmarkResult.failed(backendName, e.getMessage());
        } catch (RuntimeException e) {
            result = BenchmarkResult.failed(backendName, e.toString());
        }
        System.out.println(RESULT_PREFIX + Json.write(result.toJson()));
        System.out.flush();
        // Native backends may leave non-daemon threads behind; the measurement is complete.
        System.exit(0);
    }

    private static BenchmarkResult measure(Map<String, String> o) {
        String name = o.get("--backend");
        ModelSpec spec = ModelDescriptions.resolve(o.getOrDefault("--model", "mlp"), Path.of("").toAbsolutePath());
        TrainingConfig config = TrainingConfig.defaults()
                .withEpochs(Integer.parseInt(o.getOrDefault("--epochs", "1")))
                .withBatchSize(Integer.parseInt(o.getOrDefault("--batch-size", "32")))
                .withSeed(Long.parseLong(o.getOrDefault("--seed", "42")))
                .withThreads(Integer.parseInt(o.getOrDefault("--threads", "0")));
        int repeat = Integer.parseInt(o.getOrDefault("--repeat", "3"));
        DataLocator locator = DataLocator.standard();
        if (o.containsKey("--data")) {
            locator = locator.withExplicit(Path.of(o.get("--data")));
        }
        FashionMnist data = FashionMnist.load(locator.locate().directory());
        Dataset train = data.train();
        Dataset test = data.test();
        try (BackendRegistry registry = BackendRegistry.load()) {
            Backend backend = registry.backend(name);
            List<Double> seconds = new ArrayList<>();
            double accuracy = Double.NaN;
            double imagesPerSecond = Double.NaN;
            for (int r = 0; r < repeat; r++) {
                TrainingResult result = backend.trainer().fit(TrainingJob.of(spec, train, config));
                try (Model model = result.model()) {
                    for (EpochStats e : result.history().epochs()) {
                        seconds.add(e.nanos() / 1e9);
                    }
                    if (r == repeat - 1) {
                        accuracy = Evaluator.evaluate(model, test, BenchmarkSettings.INFERENCE_BATCH).accuracy();
                        imagesPerSecond = inferenceRate(model, test);
                    }
                }
            }
            return new BenchmarkResult(name, null, seconds, train.size(),
                    (double) FlopCounter.trainingFlopsPerImage(spec) * train.size(), accuracy, imagesPerSecond,
                    ProcessMemory.peakHeapBytes(), ProcessMemory.peakRssBytes());
        }
    }

    /** Best images/s over several passes predicting the whole test set in batches of 1,000. */
    private static double inferenceRate(Model model, Dataset test) {
        int batch = BenchmarkSettings.INFERENCE_BATCH;
        int batches = test.size() / batch;
        float[][] images = new float[batches][];
        for (int b = 0; b < batches; b++) {
            images[b] = test.scaledImages(b * batch, batch);
        }
        float[] out = new float[batch * FashionClass.COUNT];
        double best = 0;
        for (int pass = 0; pass <= INFERENCE_PASSES; pass++) {
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                model.predict(images[b], batch, out);
            }
            long nanos = System.nanoTime() - start;
            if (pass > 0) {
                best = Math.max(best, batches * (double) batch * 1e9 / nanos);
            }
        }
        return best;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
