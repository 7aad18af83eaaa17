package dev.fmnist.serve.batch;

import dev.fmnist.api.model.Prediction;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Gathers prepared pictures from many threads into batches for one model thread: a batch starts with the
 * first picture waiting and closes when it holds {@code maxBatch} pictures or {@code maxDelay} has passed
 * since it started, whichever comes first; then it is predicted in one {@link Classifier#predict} call.
 * A failing batch fails only its own pictures. Thread-safe.
 *
 * <p>The model thread is woken only when it waits for a first picture or its batch has filled up, not for
 * every picture that joins: under load a wake-up per picture (a futex call and a context switch each)
 * cost more than predicting the picture.
 */
public final class MicroBatcher implements AutoCloseable {
    private record Job(ModelInput input, CompletableFuture<Prediction> result) {
    }

    private final Classifier classifier;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final IntConsumer batchSizes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a picture arrives while the model thread waits for a first one, or a batch fills. */
    private final Condition wanted = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}: how many queued pictures wake the model thread (1 when idle). */
    private int wakeAt = 1;
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
        List<CompletableFuture<Prediction>> results = new ArrayList<>(inputs.size());
        lock.lock();
        try {
            // Checked under the lock: the model thread sees the flag and the queue together when it stops.
            if (closed) {
                throw new RejectedExecutionException("the server is stopping");
            }
            for (ModelInput input : inputs) {
                CompletableFuture<Prediction> result = new CompletableFuture<>();
                queue.add(new Job(input, result));
                results.add(result);
            }
            if (queue.size() >= wakeAt) {
                wanted.signal();
            }
        } finally {
            lock.unlock();
        }
        return results;
    }

    private void run() {
        List<Job> batch = new ArrayList<>(maxBatch);
        try {
            while (take(batch)) {
                predict(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failAll(batch, new RejectedExecutionException("the server stopped"));
            List<Job> left = new ArrayList<>();
            lock.lock();
            try {
                left.addAll(queue);
                queue.clear();
            } finally {
                lock.unlock();
            }
            failAll(left, new RejectedExecutionException("the server stopped"));
        }
    }

    /**
     * Waits for the next batch and moves it into {@code batch}.
     *
     * @return false once closed with nothing left to predict
     */
    private boolean take(List<Job> batch) throws InterruptedException {
        lock.lock();
        try {
            wakeAt = 1;
            while (queue.isEmpty()) {
                if (closed) {
                    return false;
                }
                wanted.await(); // submit and close signal under the lock, so no wake-up is missed
            }
            long wait = maxDelayNanos;
            wakeAt = maxBatch;
            while (queue.size() < maxBatch && wait > 0 && !closed) {
                wait = wanted.awaitNanos(wait);
            }
            wakeAt = Integer.MAX_VALUE;
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            return true;
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            closed = true;
            wanted.signal();
        } finally {
            lock.unlock();
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
