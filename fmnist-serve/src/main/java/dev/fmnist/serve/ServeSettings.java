package dev.fmnist.serve;

import java.time.Duration;
import java.util.Optional;

/**
 * How a server runs.
 *
 * @param host the address to bind (127.0.0.1 unless told otherwise)
 * @param port the port, or 0 for any free one
 * @param token the bearer token guarding {@code POST /v1/predict}, if any
 * @param corsOrigin the origin allowed cross-origin requests, if any (CORS is off otherwise)
 * @param maxBodyBytes the largest request body (413 above)
 * @param maxPixels the largest picture, in pixels, checked from its header before decoding (400 above)
 * @param maxPictures the most pictures in one request
 * @param idleTimeout how long a connection may stay silent (slow clients are cut off)
 * @param maxBatch the most pictures per model call
 * @param maxBatchDelay how long a batch waits for more pictures
 * @param stopTimeout how long stopping waits for requests in flight
 */
public record ServeSettings(String host, int port, Optional<String> token, Optional<String> corsOrigin,
        long maxBodyBytes, long maxPixels, int maxPictures, Duration idleTimeout, int maxBatch,
        Duration maxBatchDelay, Duration stopTimeout) {

    /** 127.0.0.1:8080, no token, no CORS, 10 MB bodies, 40-megapixel pictures, batches of 32 or 2 ms. */
    public static ServeSettings defaults() {
        return new ServeSettings("127.0.0.1", 8080, Optional.empty(), Optional.empty(), 10L * 1024 * 1024,
                40_000_000L, 256, Duration.ofSeconds(30), 32, Duration.ofMillis(2), Duration.ofSeconds(8));
    }

    /** The same with another address. */
    public ServeSettings withAddress(String newHost, int newPort) {
        return new ServeSettings(newHost, newPort, token, corsOrigin, maxBodyBytes, maxPixels, maxPictures,
                idleTimeout, maxBatch, maxBatchDelay, stopTimeout);
    }

    /** The same with a token (empty: none). */
    public ServeSettings withToken(Optional<String> value) {
        return new ServeSettings(host, port, value.filter(t -> !t.isEmpty()), corsOrigin, maxBodyBytes, maxPixels,
                maxPictures, idleTimeout, maxBatch, maxBatchDelay, stopTimeout);
    }

    /** The same with CORS allowed for an origin (empty: off). */
    public ServeSettings withCorsOrigin(Optional<String> value) {
        return new ServeSettings(host, port, token, value, maxBodyBytes, maxPixels, maxPictures, idleTimeout,
                maxBatch, maxBatchDelay, stopTimeout);
    }

    /** The same with other limits. */
    public ServeSettings withLimits(long bodyBytes, long pixels, Duration idle) {
        return new ServeSettings(host, port, token, corsOrigin, bodyBytes, pixels, maxPictures, idle, maxBatch,
                maxBatchDelay, stopTimeout);
    }

    /** The same with other batching. */
    public ServeSettings withBatching(int size, Duration delay) {
        return new ServeSettings(host, port, token, corsOrigin, maxBodyBytes, maxPixels, maxPictures, idleTimeout,
                size, delay, stopTimeout);
    }
}
