/** The server's metrics (Micrometer, exposed in Prometheus's text format at {@code /metrics}). */
package dev.fmnist.serve.metrics;
