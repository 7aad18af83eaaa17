package dev.fmnist.cli.bench;

import dev.fmnist.api.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One backend's measurements, or why there are none.
 *
 * @param backend the backend's name
 * @param error null when measured; otherwise what went wrong (the row says so)
 * @param epochSeconds every measured epoch's training time
 * @param samplesPerEpoch training images per epoch
 * @param flopsPerEpoch arithmetic of one epoch, forward and backward
 * @param testAccuracy test accuracy after the last repeat
 * @param inferenceImagesPerSecond predicting the test set in batches of 1,000 (best of several passes)
 * @param peakHeapBytes peak heap use of the worker JVM
 * @param peakRssBytes peak resident set size of the worker process (VmHWM), or -1 if unknown
 */
public record BenchmarkResult(String backend, String error, List<Double> epochSeconds, long samplesPerEpoch,
        double flopsPerEpoch, double testAccuracy, double inferenceImagesPerSecond, long peakHeapBytes,
        long peakRssBytes) {


    public BenchmarkResult {
        epochSeconds = List.copyOf(epochSeconds);
    }

    /** A row for a backend that could not be measured. */
    public static BenchmarkResult failed(String backend, String error) {
        return new BenchmarkResult(backend, error, List.of(), 0, 0, Double.NaN, Double.NaN, -1, -1);
    }

    /** Whether the backend was measured. */
    public boolean ok() {
        return error == null;
    }

    /** Median seconds per epoch. */
    public double medianEpochSeconds() {
        if (epochSeconds.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(epochSeconds);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Training images per second at the median epoch time. */
    public double samplesPerSecond() {
        return samplesPerEpoch / medianEpochSeconds();
    }

    /** Achieved arithmetic rate at the median epoch time. */
    public double gflops() {
        return flopsPerEpoch / medianEpochSeconds() / 1e9;
    }

    /** The result as JSON (the worker's output and {@code --json}'s rows). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend);
        m.put("error", error);
        m.put("epoch_seconds", new ArrayList<Object>(epochSeconds));
        m.put("median_epoch_seconds", finite(medianEpochSeconds()));
        m.put("samples_per_epoch", samplesPerEpoch);
        m.put("samples_per_second", ok() ? samplesPerSecond() : null);
        m.put("flops_per_epoch", flopsPerEpoch);
        m.put("gflops", ok() ? gflops() : null);
        m.put("test_accuracy", finite(testAccuracy));
        m.put("inference_images_per_second", finite(inferenceImagesPerSecond));
        m.put("peak_heap_bytes", peakHeapBytes);
        m.put("peak_rss_bytes", peakRssBytes);
        return m;
    }

    /** A figure for JSON: null when it was not measured (JSON has no NaN). */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Reads a worker's JSON output. */
    public static BenchmarkResult fromJson(Map<String, Object> m) {
        List<Double> seconds = new ArrayList<>();
        for (Object o : JsonFields.array(m, "epoch_seconds")) {
            seconds.add(((Number) o).doubleValue());
        }
        return new BenchmarkResult(JsonFields.string(m, "backend"), (String) m.get("error"), seconds,
                JsonFields.integer(m, "samples_per_epoch"), JsonFields.number(m, "flops_per_epoch"),
                JsonFields.number(m, "test_accuracy", Double.NaN),
                JsonFields.number(m, "inference_images_per_second", Double.NaN),
                JsonFields.integer(m, "peak_heap_bytes"), JsonFields.integer(m, "peak_rss_bytes"));
    }
}
