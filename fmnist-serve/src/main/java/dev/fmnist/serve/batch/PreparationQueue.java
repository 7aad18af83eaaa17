package dev.fmnist.serve.batch;

import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import dev.fmnist.data.classify.Picture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes and prepares pictures on a fixed number of threads (one per core by default), in the order they
 * arrive. Thread-safe.
 *
 * <p>Why a queue and not preparation on each request's own thread behind a semaphore: a large photo takes
 * hundreds of megabytes while it is decoded, so preparations must be bounded; under load a non-fair
 * semaphore let newly arrived requests overtake a woken waiter again and again (1% of requests waited over
 * 30 ms), and a fair one parked every request. Here the workers never park while pictures wait, and the
 * oldest picture is always the next one prepared.
 */
public final class PreparationQueue implements AutoCloseable {
    private final Classifier classifier;
    private final ExecutorService workers;

    /**
     * Starts the worker threads.
     *
     * @param classifier prepares the pictures ({@link Classifier#prepare})
     * @param threads how many pictures are prepared at once (at least 1)
     */
    public PreparationQueue(Classifier classifier, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.classifier = classifier;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemons());
    }

    /**
     * Queues a picture for preparation.
     *
     * @return completed with the model's input, or with the preparation's failure (such as an undecodable
     *     picture)
     * @throws RejectedExecutionException once closed
     */
    public CompletableFuture<ModelInput> submit(Picture picture) {
        return CompletableFuture.supplyAsync(() -> classifier.prepare(picture), workers);
    }

    /** Refuses new pictures and lets the worker threads finish those already queued. */
    @Override
    public void close() {
        workers.shutdown();
    }

    private static ThreadFactory daemons() {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "fmnist-prepare-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
