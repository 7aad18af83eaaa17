package dev.fmnist.serve.batch;

import dev.fmnist.api.model.Prediction;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Gathers prepared pictures from many threads into batches for one model thread: a batch starts with the
 * first picture waiting and closes when it holds {@code maxBatch} pictures or {@code maxDelay} has passed
 * since it started, whichever comes first; then it is predicted in one {@link Classifier#predict} call.
 * A failing batch fails only its own pictures. Thread-safe.
 */
public final class MicroBatcher implements AutoCloseable {
    private static final long IDLE_POLL_MILLIS = 50;

    private record Job(ModelInput input, CompletableFuture<Prediction> result) {
    }

    private final Classifier classifier;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final IntConsumer batchSizes;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    /**
     * Starts the model thread.
     *
     * @param classifier predicts the batches
     * @param maxBatch most pictures per model call (at least 1)
     * @param maxDelay longest a batch waits for more pictures after its first
     * @param batchSizes told the size of every batch (for metrics)
     */
    public MicroBatcher(Classifier classifier, int maxBatch, Duration maxDelay, IntConsumer batchSizes) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.classifier = classifier;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        this.batchSizes = batchSizes;
        this.worker = new Thread(this::run, "fmnist-batcher");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues pictures for prediction.
     *
     * @return one future per input, completed with its probabilities (or the model's failure)
     * @throws RejectedExecutionException once closed
     */
    public List<CompletableFuture<Prediction>> submit(List<ModelInput> inputs) {
        if (closed) {
            throw new RejectedExecutionException("the server is stopping");
        }
        List<CompletableFuture<Prediction>> results = new ArrayList<>(inputs.size());
        for (ModelInput input : inputs) {
            CompletableFuture<Prediction> result = new CompletableFuture<>();
            queue.add(new Job(input, result));
            results.add(result);
        }
        return results;
    }

    private void run() {
        List<Job> batch = new ArrayList<>(maxBatch);
        try {
            while (!(closed && queue.isEmpty())) {
                Job first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxDelayNanos;
                while (batch.size() < maxBatch) {
                    Job next = queue.poll();
                    if (next == null) {
                        long wait = deadline - System.nanoTime();
                        if (wait <= 0 || (next = queue.poll(wait, TimeUnit.NANOSECONDS)) == null) {
                            break;
                        }
                    }
                    batch.add(next);
                }
                predict(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failAll(batch, new RejectedExecutionException("the server stopped"));
            List<Job> left = new ArrayList<>();
            queue.drainTo(left);
            failAll(left, new RejectedExecutionException("the server stopped"));
        }
    }

    private void predict(List<Job> batch) {
        batchSizes.accept(batch.size());
        List<ModelInput> inputs = new ArrayList<>(batch.size());
        for (Job job : batch) {
            inputs.add(job.input());
        }
        try {
            List<Prediction> predictions = classifier.predict(inputs);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(predictions.get(i));
            }
        } catch (RuntimeException | Error e) {
            failAll(batch, e);
        }
    }

    private static void failAll(List<Job> jobs, Throwable why) {
        for (Job job : jobs) {
            job.result().completeExceptionally(why);
        }
        jobs.clear();
    }

    /** Refuses new pictures, predicts those already queued, and stops the model thread. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
