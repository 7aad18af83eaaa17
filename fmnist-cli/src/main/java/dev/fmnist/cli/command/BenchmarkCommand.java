package dev.fmnist.cli.command;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.io.ModelDescriptions;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.cli.bench.BenchmarkResult;
import dev.fmnist.cli.bench.BenchmarkRunner;
import dev.fmnist.cli.bench.BenchmarkSettings;
import dev.fmnist.cli.bench.BenchmarkTargets;
import dev.fmnist.cli.bench.BenchmarkTable;
import dev.fmnist.cli.error.ErrorReporter;
import dev.fmnist.cli.output.JsonOutput;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmnist benchmark}: every backend trained and timed on the same data, side by side. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Trains and predicts with each backend on the same data, seed and settings, and prints a "
                + "table.", "",
            "Each backend runs in its own child JVM, so memory and threads do not mix and a crash becomes that "
                + "backend's row. Columns: median seconds per epoch over all repeats, training samples/s, achieved "
                + "GFLOP/s (the network's arithmetic per second of training), test accuracy after the last "
                + "repeat, inference images/s (10,000 test images in batches of 1,000, best pass), peak heap and "
                + "peak RSS of the child, and whether the backend meets the targets for the network measured.",
            "Targets for the tutorial's mlp: pure predicts at least 1,000,000 images/s and trains an epoch in at most "
                + "half of tf's time; tf predicts at least 500,000 images/s, dl4j 300,000.",
            "Targets for a convolutional network (such as --model cnn): pure trains an epoch in at most tf's time, "
                + "predicts at least as many images/s as tf and peaks under 600 MB RSS.",
            "On every network every backend must reach 0.80 test accuracy after the epochs measured; other networks "
                + "and backends have no other target.", ""})
public final class BenchmarkCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--backends", split = ",", paramLabel = "NAME[,NAME...]",
            description = "Backends to measure (default: pure,dl4j,tf).")
    List<String> backends = List.of("pure", "dl4j", "tf");

    @Option(names = "--model", paramLabel = "PRESET|FILE",
            description = "Network: a preset (mlp, cnn) or a JSON description, fmnist's or Keras's (default: mlp).")
    String model = "mlp";

    @Option(names = "--epochs", description = "Epochs per repeat (default: 1).")
    int epochs = 1;

    @Option(names = "--batch-size", description = "Training batch size (default: 32).")
    int batchSize = 32;

    @Option(names = "--repeat", description = "Training runs per backend (default: 3).")
    int repeat = 3;

    @Option(names = "--seed", description = "Training seed (default: 42).")
    long seed = 42;

    @Option(names = "--threads", description = "Worker threads, 0 for all cores, at most 4 per core (default: 0).")
    int threads;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST directory (default: located).")
    Path data;

    @Option(names = "--json", description = "Print one JSON document instead of the table.")
    boolean json;

    BenchmarkCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ThreadLimit.check(threads);
        ModelSpec spec = ModelDescriptions.resolve(model, context.resolve(Path.of("")));
        String modelArgument = ModelSpec.PRESETS.contains(model) ? model : context.resolve(Path.of(model)).toString();
        Path dataDir = context.locator(data).locate().directory();
        BenchmarkSettings settings = new BenchmarkSettings(backends, modelArgument, epochs, batchSize, repeat, seed, threads,
                dataDir);
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        context.plugins().jars().forEach(jar -> classPath.add(jar.toString()));
        BenchmarkRunner runner = new BenchmarkRunner(String.join(File.pathSeparator, classPath),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xmx4g",
                        "-Dorg.bytedeco.javacpp.logger=slf4j", "-Djava.awt.headless=true"));
        List<BenchmarkResult> results = runner.run(settings, context.err());
        BenchmarkTargets targets = BenchmarkTargets.of(spec);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("fmnist_version", Fmnist.VERSION);
            doc.put("date", LocalDate.now().toString());
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("settings", Map.of("model", spec.name(), "parameters", spec.parameterCount(), "epochs", epochs,
                    "batch_size", batchSize, "repeat", repeat,
                    "seed", seed, "threads", threads));
            List<Object> rows = new ArrayList<>();
            for (BenchmarkResult r : results) {
                Map<String, Object> row = r.toJson();
                row.put("verdict", BenchmarkTable.verdict(r, results, targets));
                rows.add(row);
            }
            doc.put("targets", targets.describe());
            doc.put("results", rows);
            JsonOutput.print(context.out(), doc);
        } else {
            context.out().printf("fmnist benchmark: %s, %d epoch(s) x %d repeat(s), batch %d, seed %d, %d cores, %s%n",
                    spec.name(), epochs, repeat, batchSize, seed, Runtime.getRuntime().availableProcessors(),
                    LocalDate.now());
            context.out().println("targets: " + targets.describe());
            context.out().print(BenchmarkTable.format(results, targets));
        }
        return results.stream().allMatch(BenchmarkResult::ok) ? ErrorReporter.OK : ErrorReporter.FAILURE;
    }
}
