package dev.fmnist.cli.command;

import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.data.FashionMnist;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fmnist report}: a model's self-contained HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a model's HTML report.", "",
            "Evaluates a model file on the test set and writes a self-contained HTML report: training "
                + "curves, confusion matrix heatmap, prediction grids (first test images and mistakes), the "
                + "evaluation table, provenance and training settings. The pictures are also written as PNG files "
                + "beside index.html.", ""})
public final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SavedModelOptions options;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory to write the report into (default: <model name>-report beside the model file).")
    Path out;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path model = context.resolve(options.modelFile);
        Path dir = out != null ? context.resolve(out) : defaultDirectory(model);
        Reports.checkWritable(dir);
        try (LoadedModel loaded = options.load(context)) {
            FashionMnist fmnist = context.loadData(options.data);
            Dataset test = fmnist.test();
            float[] probabilities = Reports.predictAll(loaded.model(), test);
            Evaluation evaluation = Evaluator.evaluate(probabilities, test);
            Path page = Reports.write(dir, "fmnist report: " + model.getFileName(), loaded.model(),
                    loaded.saved().history(), evaluation, test, probabilities);
            PrintStream o = context.out();
            if (options.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("command", "report");
                doc.put("model_file", model.toString());
                doc.put("backend", loaded.backend().name());
                doc.put("report", page.toString());
                doc.put("evaluation", evaluation.toJson());
                JsonOutput.print(o, doc);
            } else {
                o.println("Model: " + model + " on " + loaded.backend().name());
                o.println(String.format(Locale.ROOT, "Test loss: %.4f - test accuracy: %.4f", evaluation.loss(),
                        evaluation.accuracy()));
                o.println("Wrote report to " + page);
            }
            o.flush();
            return 0;
        }
    }

    /** {@code dir/model.fmnist} -> {@code dir/model-report}. */
    static Path defaultDirectory(Path model) {
        String name = model.getFileName().toString();
        if (name.endsWith(ModelFile.EXTENSION)) {
            name = name.substring(0, name.length() - ModelFile.EXTENSION.length());
        }
        return model.resolveSibling(name + "-report");
    }
}
