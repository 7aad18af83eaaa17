package dev.fmnist.cli.command;

import dev.fmnist.cli.output.Texts;
import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.data.FashionMnist;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fmnist evaluate}: any backend's model file, evaluated on the test set on any backend. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates a model file on the test set.", "",
            "Prints loss, accuracy, per-class precision/recall/F1 and the confusion matrix.",
            "Any backend reads any backend's model file; by default the model runs on the backend that trained it "
                + "(if it is installed and can run here, else on the default backend).",
            "The time and images/s are of a warm model: untimed batches of 1,000 images first (30, or as many as "
                + "fit in 3 s) let the JIT compile the code (the first pass is 10-50 "
                + "times slower on the pure backend); 'fmnist benchmark' measures inference apart from the metrics "
                + "(best of several passes).",
            "--json prints one JSON document instead (fields: see fmnist-cli/JSON.md).", ""})
public final class EvaluateCommand implements Callable<Integer> {
    /** Images per prediction call, as the benchmark's inference figure uses. */
    private static final int BATCH = 1000;
    /** The longest warm-up, in batches and in time. */
    private static final int WARM_UP_BATCHES = 30;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private final CliContext context;

    @Mixin
    SavedModelOptions options;

    /**
     * Predicts the first batch, untimed, 30 times or for {@link #WARM_UP_NANOS}, whichever comes first (at
     * least once): the JIT compiles the hot loops in the background over the first tens of batches.
     *
     * @return the images predicted
     */
    static int warmUp(Predictor model, Dataset test) {
        int count = Math.min(BATCH, test.size());
        float[] images = test.scaledImages(0, count);
        float[] out = new float[count * FashionClass.COUNT];
        long begin = System.nanoTime();
        int batches = 0;
        do {
            model.predict(images, count, out);
            batches++;
        } while (batches < WARM_UP_BATCHES && System.nanoTime() - begin < WARM_UP_NANOS);
        return batches * count;
    }

    EvaluateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (LoadedModel loaded = options.load(context)) {
            FashionMnist fmnist = context.loadData(options.data);
            Dataset test = fmnist.test();
            // Untimed batches first: the figure is then the model's speed, not the JIT's start-up.
            int warmUp = warmUp(loaded.model(), test);
            long start = System.nanoTime();
            Evaluation evaluation = Evaluator.evaluate(loaded.model(), test, BATCH);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintStream out = context.out();
            if (options.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("command", "evaluate");
                doc.put("model_file", loaded.path().toString());
                doc.put("backend", loaded.backend().name());
                doc.put("backend_version", loaded.backend().version());
                doc.put("provenance", loaded.saved().provenance().toJson());
                doc.put("data", fmnist.directory().toString());
                doc.put("seconds", seconds);
                doc.put("images_per_second", test.size() / Math.max(seconds, 1e-9));
                doc.put("warm_up_images", warmUp);
                doc.put("evaluation", evaluation.toJson());
                JsonOutput.print(out, doc);
            } else {
                out.println("Model: " + Texts.path(loaded.path()));
                out.println("  " + loaded.describe());
                out.println("Backend: " + loaded.backend().name() + " " + loaded.backend().version());
                out.println("Data: " + Texts.path(fmnist.directory()) + " (test " + test.size() + "x28x28)");
                out.println(String.format(Locale.ROOT, "Evaluated %d images in %.2fs (%,.0f images/s in batches of %,d, "
                        + "after %,d warm-up images)", test.size(), seconds, test.size() / Math.max(seconds, 1e-9),
                        BATCH, warmUp));
                out.println();
                out.print(evaluation.toTable());
                out.flush();
            }
            return 0;
        }
    }
}
