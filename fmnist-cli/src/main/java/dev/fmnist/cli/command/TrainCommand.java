package dev.fmnist.cli.command;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.io.ModelDescriptions;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.ModelSummary;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.History;
import dev.fmnist.api.training.StopSignal;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingListener;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.cli.error.ErrorReporter;
import dev.fmnist.cli.output.EpochLines;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.cli.output.OutputPaths;
import dev.fmnist.cli.output.ProgressBar;
import dev.fmnist.cli.output.TerminalWidth;
import dev.fmnist.cli.output.Texts;
import dev.fmnist.cli.output.TrainingTexts;
import dev.fmnist.cli.signal.InterruptToStop;
import dev.fmnist.data.FashionMnist;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fmnist train}: the tutorial end to end. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains, evaluates and saves a model: the Keras tutorial end to end.", "",
            "Trains a model on Fashion-MNIST, evaluates it on the test set, saves it and shows the first test "
                + "predictions.",
            "Prints the data shapes, a progress bar per epoch (one line per epoch when output is not a terminal), "
                + "the test loss and accuracy with per-class precision/recall/F1 and the confusion matrix, "
                + "and the first 5 test predictions beside their true labels.",
            "The model file holds the network, weights, provenance (with the test metrics) and the per-epoch "
                + "history; the history is also written beside it as <name>.history.json.",
            "Ctrl-C stops after the current batch and still saves what was trained, marked incomplete "
                + "(exit code 130); a second Ctrl-C quits without saving.",
            "--json prints one JSON document instead (fields: see fmnist-cli/JSON.md).", ""})
public final class TrainCommand implements Callable<Integer> {
    private static final int PREVIEW = 5;
    /** The tutorial's epochs: what {@code --epochs} means when neither it nor the preset says otherwise. */
    private static final int DEFAULT_EPOCHS = 5;

    /** How training progress is shown. */
    enum Progress { AUTO, BAR, LINES, NONE }

    private final CliContext context;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to train on (default: FMNIST_BACKEND, else pure). See 'fmnist backends'.")
    String backend;

    @Option(names = "--model", paramLabel = "PRESET|FILE", defaultValue = "mlp",
            description = "Network: a preset (default: ${DEFAULT-VALUE}; mlp = Flatten -> Dense 128 ReLU -> Dense 10 "
                    + "softmax, cnn = two 3x3 conv + max-pool blocks -> Dense 128 -> Dense 10), or a JSON description "
                    + "(fmnist's own or Keras's model.to_json()). See 'fmnist summary'.")
    String model;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs (default: 5; the cnn preset: " + ModelSpec.CNN_EPOCHS + ").")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the initial weights and the shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads the backend may use; 0 = one per core, at most 4 per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the four Fashion-MNIST files (default: FMNIST_DATA, ~/.fmnist/data, "
                    + "/usr/share/datasets/fashion-mnist).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Model file to write (default: fmnist-<backend>-<model>.fmnist in the working directory).")
    Path outFile;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML report (curves, confusion matrix, predictions) into DIR.")
    Path report;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, lines otherwise), bar, lines or none (default: ${DEFAULT-VALUE}).")
    Progress progress;

    @Option(names = "--json", description = "Print one JSON document (no progress output).")
    boolean json;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Continue training this model file up to --epochs (Keras's initial_epoch): its network, "
                    + "weights, optimizer state, history and training settings; it is not overwritten.")
    Path from;

    @Mixin
    FitOptions fit;

    @Spec
    CommandSpec commandSpec;

    TrainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream out = context.out();
        ThreadLimit.check(threads);
        SavedModel resumed = from == null ? null : readResumable();
        if (epochs == null) {
            epochs = resumed == null ? ModelSpec.presetEpochs(model).orElse(DEFAULT_EPOCHS) : DEFAULT_EPOCHS;
        }
        ModelSpec spec = resumed != null ? resumed.spec()
                : ModelDescriptions.resolve(model, context.resolve(Path.of("")));
        TrainingConfig config = resumed != null
                ? resumed.provenance().config().withEpochs(epochs).withThreads(threads)
                : fit.apply(TrainingConfig.defaults().withEpochs(epochs).withBatchSize(batchSize).withSeed(seed)
                        .withThreads(threads));
        String backendName = backend != null ? backend : context.defaultBackend();
        context.registry().provider(backendName).capabilities().require(spec, backendName);
        Path modelFile = context.resolve(outFile != null ? outFile : defaultModelFile(backendName, spec));
        if (resumed != null && modelFile.equals(context.resolve(from))) {
            throw new InvalidInputException("--out " + modelFile + " would overwrite the --from model; choose "
                    + "another file");
        }
        Path historyFile = historyFile(modelFile);
        OutputPaths.checkWritableFile(modelFile);
        List<Path> inputs = context.dataFiles(data);
        OutputPaths.checkNotAnInput(modelFile, inputs);
        OutputPaths.checkNotAnInput(historyFile, inputs);
        Path reportDir = report == null ? null : context.resolve(report);
        if (reportDir != null) {
            Reports.checkWritable(reportDir);
        }
        List<TrainingListener> callbacks = fit.callbacks(context::resolve, config.optimizer().learningRate());

        FashionMnist fmnist = context.loadData(data);
        Dataset train = fmnist.train();
        Dataset test = fmnist.test();
        Backend engine = context.registry().backend(backendName);
        if (!json) {
            out.println("Backend: " + engine.name() + " " + engine.version());
            out.println("Data: " + fmnist.directory());
            out.println("Train images: " + Texts.shape(train) + ", labels: " + train.size());
            out.println("Test images:  " + Texts.shape(test) + ", labels: " + test.size());
            out.println("Model: " + spec.summary() + " (" + Texts.thousands(spec.parameterCount()) + " parameters)");
            out.print(ModelSummary.of(spec).toText());
            out.println("Training: " + TrainingTexts.describe(config, train.size()));
            if (resumed != null) {
                out.println(TrainingTexts.resuming(from, resumed, epochs));
            }
            out.flush();
        }

        StopSignal stop = new StopSignal();
        // Validation comes from the training data (--validation-split); the test set is evaluated once, after.
        TrainingJob job = TrainingJob.of(spec, train, config).withStop(stop);
        if (resumed != null) {
            job = job.resumingFrom(resumed.resumePoint());
        }
        TrainingListener listener = listener();
        if (listener != null) {
            job = job.withListener(listener);
        }
        for (TrainingListener callback : callbacks) {
            job = job.withListener(callback);
        }
        try (InterruptToStop interrupts = InterruptToStop.install(stop, context.err())) {
            TrainingResult result = engine.trainer().fit(job);
            try (Model trained = result.model()) {
                return finish(result, trained, engine, spec, fmnist, config, test, modelFile, historyFile, reportDir);
            }
        }
    }

    /** The --from model, checked to be resumable without settings that would contradict it. */
    private SavedModel readResumable() {
        for (String option : FitOptions.CONFIG_OPTIONS) {
            if (commandSpec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new InvalidInputException(option + " cannot be combined with --from: a resumed run keeps the "
                        + "training settings of " + from + " (Keras's initial_epoch continues the same fit)");
            }
        }
        if (commandSpec.commandLine().getParseResult().hasMatchedOption("--model")) {
            throw new InvalidInputException("--model cannot be combined with --from: the network comes from " + from);
        }
        return ModelFile.read(context.resolve(from));
    }

    private Path defaultModelFile(String backendName, ModelSpec spec) {
        String base = "fmnist-" + backendName + "-" + spec.name();
        return Path.of(from == null ? base + ModelFile.EXTENSION : base + "-epoch" + epochs + ModelFile.EXTENSION);
    }

    private int finish(TrainingResult result, Model trained, Backend engine, ModelSpec spec, FashionMnist fmnist,
            TrainingConfig config, Dataset test, Path modelFile, Path historyFile, Path reportDir) {
        PrintStream out = context.out();
        // One pass over the test set serves the metrics, the preview and the report.
        float[] probabilities = Reports.predictAll(trained, test);
        Evaluation evaluation = Evaluator.evaluate(probabilities, test);
        int preview = Math.min(PREVIEW, test.size());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_loss", evaluation.loss());
        metrics.put("test_accuracy", evaluation.accuracy());
        History history = result.history().withTest(evaluation.loss(), evaluation.accuracy());
        try (Model model = trained.withProvenance(trained.provenance().withMetrics(metrics))) {
            ModelFile.write(modelFile, SavedModel.of(model, result).withHistory(history));
            JsonOutput.write(historyFile, historyJson(model, result, history, modelFile));
            Path page = reportDir == null ? null : Reports.write(reportDir, "fmnist training report: "
                    + engine.name() + " " + spec.name(), model, history, evaluation, test, probabilities);
            if (json) {
                JsonOutput.print(out, document(engine, spec, fmnist, config, result, evaluation, test,
                        probabilities, preview, modelFile, historyFile, page));
            } else {
                printText(result, evaluation, test, probabilities, preview, modelFile, historyFile, page);
            }
        }
        return result.complete() ? ErrorReporter.OK : ErrorReporter.INTERRUPTED;
    }

    private TrainingListener listener() {
        if (json || progress == Progress.NONE) {
            return null;
        }
        boolean bar = progress == Progress.BAR || (progress == Progress.AUTO && context.interactive());
        boolean rate = fit.changesLearningRate();
        return bar ? new ProgressBar(context.out(), rate, TerminalWidth.detect(context.env()), System::nanoTime)
                : new EpochLines(context.out(), rate);
    }

    private void printText(TrainingResult result, Evaluation evaluation, Dataset test, float[] probabilities,
            int preview, Path modelFile, Path historyFile, Path page) {
        PrintStream out = context.out();
        if (!result.complete()) {
            out.println("Training stopped after " + result.history().epochs().size() + " complete epoch(s); "
                    + "saving what was trained, marked incomplete.");
        }
        TrainingTexts.callbackNotes(result.history()).forEach(out::println);
        out.println();
        out.println(String.format(Locale.ROOT, "Test loss: %.4f - test accuracy: %.4f", evaluation.loss(),
                evaluation.accuracy()));
        out.println();
        out.print(evaluation.toTable());
        out.println();
        out.println("Saved model to " + modelFile + (result.complete() ? "" : " (incomplete)"));
        out.println("Saved history to " + historyFile);
        if (page != null) {
            out.println("Wrote report to " + page);
        }
        out.println();
        out.println("First " + preview + " test predictions:");
        out.println(String.format(Locale.ROOT, "  %-3s %-13s %7s   %-13s", "#", "predicted", "prob", "true"));
        for (int i = 0; i < preview; i++) {
            Prediction p = Prediction.of(probabilities, i);
            FashionClass truth = FashionClass.ofLabel(test.label(i));
            out.println(String.format(Locale.ROOT, "  %-3d %-13s %7s   %-13s %s", i, p.best().displayName(),
                    Texts.percent(p.probabilities()[p.best().label()]), truth.displayName(),
                    p.best() == truth ? "ok" : "WRONG"));
        }
        out.flush();
    }

    private Map<String, Object> document(Backend engine, ModelSpec spec, FashionMnist fmnist, TrainingConfig config,
            TrainingResult result, Evaluation evaluation, Dataset test, float[] probabilities, int preview,
            Path modelFile, Path historyFile, Path page) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "train");
        doc.put("backend", engine.name());
        doc.put("backend_version", engine.version());
        doc.put("model", spec.name());
        doc.put("parameters", spec.parameterCount());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("directory", fmnist.directory().toString());
        data.put("train_shape", List.of((long) fmnist.train().size(), 28L, 28L));
        data.put("test_shape", List.of((long) test.size(), 28L, 28L));
        doc.put("data", data);
        doc.put("config", config.toJson());
        doc.put("complete", result.complete());
        doc.put("history", result.history().toJson());
        doc.put("history_summary", result.history().summaryJson());
        doc.put("test", evaluation.toJson());
        doc.put("predictions", predictionsJson(test, probabilities, preview));
        doc.put("model_file", modelFile.toString());
        doc.put("history_file", historyFile.toString());
        doc.put("report", page == null ? null : page.toString());
        return doc;
    }

    static List<Object> predictionsJson(Dataset test, float[] probabilities, int count) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Prediction p = Prediction.of(probabilities, i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i);
            m.put("predicted", Texts.classJson(p.best()));
            m.put("probability", (double) p.probabilities()[p.best().label()]);
            m.put("true", Texts.classJson(FashionClass.ofLabel(test.label(i))));
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> historyJson(Model model, TrainingResult result, History history,
            Path modelFile) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_file", modelFile.getFileName().toString());
        m.put("backend", model.provenance().backend());
        m.put("complete", result.complete());
        m.put("epochs", history.toJson());
        m.putAll(history.summaryJson());
        return m;
    }

    /** {@code model.fmnist} -> {@code model.history.json}, beside it. */
    static Path historyFile(Path modelFile) {
        String name = modelFile.getFileName().toString();
        String base = name.endsWith(ModelFile.EXTENSION) ? name.substring(0, name.length()
                - ModelFile.EXTENSION.length()) : name;
        return modelFile.resolveSibling(base + ".history.json");
    }
}
