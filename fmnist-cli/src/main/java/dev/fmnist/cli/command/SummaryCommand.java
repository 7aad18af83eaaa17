package dev.fmnist.cli.command;

import dev.fmnist.api.io.ModelDescriptions;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.ModelSummary;
import dev.fmnist.api.training.History;
import dev.fmnist.cli.error.ErrorReporter;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.cli.output.TrainingTexts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmnist summary}: Keras's {@code model.summary()} for a preset, a description or a model file. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Prints a network's layers, output shapes and parameter counts, as Keras's model.summary().", "",
            "--model takes a preset (mlp, cnn), a JSON description (fmnist's own or Keras's model.to_json()) or "
                + "a .fmnist model file. Nothing is trained and no backend is started.",
            "--json prints one JSON document instead (fields: see fmnist-cli/JSON.md).", ""})
public final class SummaryCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--model", paramLabel = "PRESET|FILE", defaultValue = "mlp",
            description = "A preset, a .json description or a .fmnist model file (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    SummaryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModelSpec spec = ModelDescriptions.resolve(model, context.resolve(Path.of("")));
        ModelSummary summary = ModelSummary.of(spec);
        // A model file also tells how its training went: epochs, the callbacks' effect, the test result.
        History history = model.endsWith(ModelFile.EXTENSION)
                ? ModelFile.read(context.resolve(Path.of(model))).history() : null;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "summary");
            doc.putAll(summary.toJson());
            doc.put("input_shape", spec.inputShape().withBatch());
            doc.put("description", spec.toJson());
            if (history != null) {
                doc.put("history", history.toJson());
                doc.put("history_summary", history.summaryJson());
            }
            JsonOutput.print(context.out(), doc);
        } else {
            context.out().print(summary.toText());
            if (history != null) {
                TrainingTexts.historyLines(history).forEach(context.out()::println);
            }
            context.out().flush();
        }
        return ErrorReporter.OK;
    }
}
