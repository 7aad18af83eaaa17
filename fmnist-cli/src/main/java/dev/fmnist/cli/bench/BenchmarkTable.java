package dev.fmnist.cli.bench;

import java.util.List;
import java.util.Locale;

/**
 * Formats benchmark results as a table and checks each backend against the targets for the network measured
 * ({@link BenchmarkTargets}).
 */
public final class BenchmarkTable {
    private BenchmarkTable() {
    }

    /** The targets a result meets or misses, as one cell of text. */
    public static String verdict(BenchmarkResult r, List<BenchmarkResult> all, BenchmarkTargets targets) {
        if (!r.ok()) {
            return "FAILED: " + r.error();
        }
        List<String> missed = targets.missed(r, all);
        if (!missed.isEmpty()) {
            return "MISSED: " + String.join("; ", missed);
        }
        return targets.hasOwnTarget(r.backend()) ? "meets target" : "meets accuracy target";
    }

    /** The results as an aligned text table. */
    public static String format(List<BenchmarkResult> results, BenchmarkTargets targets) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %9s %11s %8s %8s %12s %9s %9s  %s%n", "backend", "s/epoch",
                "samples/s", "GFLOP/s", "test acc", "infer img/s", "heap MB", "RSS MB", "target"));
        for (BenchmarkResult r : results) {
            if (!r.ok()) {
                sb.append(String.format(Locale.ROOT, "%-8s %9s %11s %8s %8s %12s %9s %9s  %s%n", r.backend(),
                        "-", "-", "-", "-", "-", "-", "-", verdict(r, results, targets)));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-8s %9.3f %,11.0f %8.1f %8.4f %,12.0f %9.0f %9.0f  %s%n",
                    r.backend(), r.medianEpochSeconds(), r.samplesPerSecond(), r.gflops(),
                    r.testAccuracy(), r.inferenceImagesPerSecond(), r.peakHeapBytes() / 1e6,
                    r.peakRssBytes() / 1e6, verdict(r, results, targets)));
        }
        return sb.toString();
    }
}
