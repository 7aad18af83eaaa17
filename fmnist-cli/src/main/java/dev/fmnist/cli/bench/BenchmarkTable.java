package dev.fmnist.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats benchmark results as a table and checks each backend against the project's targets:
 * pure trains an epoch in at most half TensorFlow Java's time and predicts at least 1,000,000 images/s;
 * DL4J predicts at least 300,000 images/s; TensorFlow at least 500,000 images/s.
 */
public final class BenchmarkTable {
    private BenchmarkTable() {
    }

    /** The targets a result meets or misses, as one cell of text. */
    public static String verdict(BenchmarkResult r, List<BenchmarkResult> all) {
        if (!r.ok()) {
            return "FAILED: " + r.error();
        }
        List<String> missed = new ArrayList<>();
        double minInference = switch (r.backend()) {
            case "pure" -> 1_000_000;
            case "tf" -> 500_000;
            case "dl4j" -> 300_000;
            default -> 0;
        };
        if (r.inferenceImagesPerSecond() < minInference) {
            missed.add(String.format(Locale.ROOT, "inference < %,.0f/s", minInference));
        }
        if (r.backend().equals("pure")) {
            Optional<BenchmarkResult> tf = all.stream().filter(o -> o.backend().equals("tf") && o.ok()).findFirst();
            if (tf.isPresent() && r.medianEpochSeconds() > 0.5 * tf.get().medianEpochSeconds()) {
                missed.add(String.format(Locale.ROOT, "epoch > half of tf's %.2f s", tf.get().medianEpochSeconds()));
            }
        }
        if (r.testAccuracy() < 0.8) {
            missed.add("accuracy < 0.80 after the benchmark's epochs");
        }
        if (minInference == 0 && missed.isEmpty()) {
            return "no target";
        }
        return missed.isEmpty() ? "meets target" : "MISSED: " + String.join("; ", missed);
    }

    /** The results as an aligned text table. */
    public static String format(List<BenchmarkResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %9s %11s %8s %8s %12s %9s %9s  %s%n", "backend", "s/epoch",
                "samples/s", "GFLOP/s", "test acc", "infer img/s", "heap MB", "RSS MB", "target"));
        for (BenchmarkResult r : results) {
            if (!r.ok()) {
                sb.append(String.format(Locale.ROOT, "%-8s %9s %11s %8s %8s %12s %9s %9s  %s%n", r.backend(),
                        "-", "-", "-", "-", "-", "-", "-", verdict(r, results)));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-8s %9.3f %,11.0f %8.1f %8.4f %,12.0f %9.0f %9.0f  %s%n",
                    r.backend(), r.medianEpochSeconds(), r.samplesPerSecond(), r.gflops(),
                    r.testAccuracy(), r.inferenceImagesPerSecond(), r.peakHeapBytes() / 1e6,
                    r.peakRssBytes() / 1e6, verdict(r, results)));
        }
        return sb.toString();
    }
}
