package dev.fmnist.serve.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What {@code /metrics} reports: requests by endpoint, method and status with a latency histogram
 * ({@code fmnist_http_requests_seconds}), the sizes of the model's batches ({@code fmnist_batch_size}),
 * pictures classified ({@code fmnist_pictures_total}) and the model being served
 * ({@code fmnist_model}, always 1: its labels say which, as a Prometheus info metric). Thread-safe.
 */
public final class ServerMetrics {
    /** Prometheus's text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DistributionSummary batchSizes;
    private final Counter pictures;

    /**
     * @param model the model's name
     * @param backend the backend it runs on
     * @param parameters its parameter count
     */
    public ServerMetrics(String model, String backend, long parameters) {
        batchSizes = DistributionSummary.builder("fmnist_batch_size")
                .description("Pictures per model call (micro-batches of concurrent requests)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(registry);
        pictures = Counter.builder("fmnist_pictures").description("Pictures classified").register(registry);
        Gauge.builder("fmnist_model", this, self -> 1.0).strongReference(true)
                .description("The model being served").tags("model", model, "backend", backend, "parameters", Long.toString(parameters))
                .register(registry);
    }

    /** Records one finished HTTP request. */
    public void request(String endpoint, String method, int status, Duration elapsed) {
        Timer.builder("fmnist_http_requests").description("HTTP requests by endpoint, method and status")
                .tags("endpoint", endpoint, "method", method, "status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry)
                .record(elapsed.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Records one model call of {@code size} pictures. */
    public void batch(int size) {
        batchSizes.record(size);
        pictures.increment(size);
    }

    /** Everything, in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }
}
