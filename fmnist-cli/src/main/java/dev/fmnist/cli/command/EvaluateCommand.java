package dev.fmnist.cli.command;

import dev.fmnist.cli.output.Texts;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
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
            "The time and images/s are of a warm model: one untimed batch of 1,000 images first lets the JIT "
                + "compile the code (a cold pass is several times slower on the pure backend); "
                + "'fmnist benchmark' measures inference more carefully (best of several passes).",
            "--json prints one JSON document instead (fields: see fmnist-cli/JSON.md).", ""})
public final class EvaluateCommand implements Callable<Integer> {
    /** Images per prediction call, as the benchmark's inference figure uses. */
    private static final int BATCH = 1000;

    private final CliContext context;

    @Mixin
    SavedModelOptions options;

    EvaluateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (LoadedModel loaded = options.load(context)) {
            FashionMnist fmnist = context.loadData(options.data);
            Dataset test = fmnist.test();
            // An untimed batch first: the figure is then the model's speed, not the JIT's start-up.
            int warmUp = Math.min(BATCH, test.size());
            loaded.model().predict(test.scaledImages(0, warmUp), warmUp);
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
                        + "after an untimed warm-up batch)", test.size(), seconds, test.size() / Math.max(seconds, 1e-9),
                        BATCH));
                out.println();
                out.print(evaluation.toTable());
                out.flush();
            }
            return 0;
        }
    }
}
