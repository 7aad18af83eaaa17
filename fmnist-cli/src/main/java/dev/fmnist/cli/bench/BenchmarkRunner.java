package dev.fmnist.cli.bench;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link BenchmarkWorker} once per backend, each in a child JVM with this JVM's class path, so
 * memory and threads never mix and a crash in one backend becomes that backend's row.
 */
public final class BenchmarkRunner {
    private static final long TIMEOUT_MINUTES = 60;

    private final String classPath;
    private final List<String> jvmOptions;

    /**
     * @param classPath the children's class path (this JVM's, plus any plugin jars)
     * @param jvmOptions extra JVM options for the children
     */
    public BenchmarkRunner(String classPath, List<String> jvmOptions) {
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Measures each backend in turn, reporting progress lines to {@code progress}. */
    public List<BenchmarkResult> run(BenchmarkSettings settings, PrintStream progress) {
        List<BenchmarkResult> results = new ArrayList<>();
        for (String backend : settings.backends()) {
            progress.println("benchmark: measuring " + backend + " (" + settings.repeat() + " x " + settings.epochs()
                    + " epoch(s) at batch " + settings.batchSize() + ") ...");
            progress.flush();
            results.add(runOne(backend, settings));
        }
        return results;
    }

    private BenchmarkResult runOne(String backend, BenchmarkSettings settings) {
        Path log = null;
        try {
            log = Files.createTempFile("fmnist-bench-" + backend, ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classPath);
            command.add(BenchmarkWorker.class.getName());
            command.addAll(settings.workerArguments(backend));
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            BenchmarkResult result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    if (line.startsWith(BenchmarkWorker.RESULT_PREFIX)) {
                        result = BenchmarkResult.fromJson(Json.parseObject(
                                line.substring(BenchmarkWorker.RESULT_PREFIX.length())));
                    }
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return BenchmarkResult.failed(backend, "timed out after " + TIMEOUT_MINUTES + " minutes");
            }
            if (result == null) {
                return BenchmarkResult.failed(backend, "worker exited with code " + process.exitValue() + ": "
                        + lastLine(log));
            }
            return result;
        } catch (IOException | JsonException e) {
            return BenchmarkResult.failed(backend, "could not run the worker: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BenchmarkResult.failed(backend, "interrupted");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // A stray log in the temp directory is harmless.
                }
            }
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).trim();
            }
        }
        return "no output";
    }
}
