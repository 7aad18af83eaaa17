package dev.fmnist.cli.bench;

import dev.fmnist.api.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code fmnist benchmark} measures.
 *
 * @param backends backend names, each measured in its own child JVM
 * @param model a model preset name or the absolute path of a JSON description
 * @param epochs epochs per repeat
 * @param batchSize training batch size
 * @param repeat training runs per backend (the median epoch time is reported)
 * @param seed training seed, the same for every backend
 * @param threads worker threads (0 = all cores)
 * @param dataDir the data directory, or null to locate it
 */
public record BenchmarkSettings(List<String> backends, String model, int epochs, int batchSize, int repeat,
        long seed, int threads, Path dataDir) {

    /** Images per inference batch, as the targets define it. */
    public static final int INFERENCE_BATCH = 1000;

    public BenchmarkSettings {
        backends = List.copyOf(backends);
        if (backends.isEmpty()) {
            throw new InvalidInputException("--backends names no backend");
        }
        if (epochs <= 0 || batchSize <= 0 || repeat <= 0) {
            throw new InvalidInputException("--epochs, --batch-size and --repeat must be positive");
        }
    }

    /** The worker's command-line arguments for one backend. */
    List<String> workerArguments(String backend) {
        List<String> args = new ArrayList<>(List.of("--backend", backend, "--model", model, "--epochs",
                String.valueOf(epochs), "--batch-size", String.valueOf(batchSize), "--repeat", String.valueOf(repeat),
                "--seed", String.valueOf(seed), "--threads", String.valueOf(threads)));
        if (dataDir != null) {
            args.add("--data");
            args.add(dataDir.toString());
        }
        return args;
    }
}
