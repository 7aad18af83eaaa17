package dev.fmnist.backend.pure.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run one {@link ParallelTask} at a time together with the caller.
 *
 * <p>A training step lasts about 100 microseconds, far less than waking a parked thread costs, so a
 * worker that has just finished spins for a while waiting for the next task, then yields, and parks
 * only after {@link #PARK_AFTER_NANOS}. Handing over a task is a volatile write.
 *
 * <p>The caller does not wait for workers that never started on a task: when its own share is done it
 * closes the task, and waits only for workers that had already entered it. Work is handed out in
 * chunks, so a worker that the operating system delays (a busy machine, more threads than cores)
 * costs at most one chunk, not a whole step. Not for use by several callers at once.
 */
public final class WorkerPool implements AutoCloseable {
    /** How long an idle worker spins before it starts yielding. */
    static final long SPIN_NANOS = 20_000;
    /** How long an idle worker waits (spinning, then yielding) before parking. */
    static final long PARK_AFTER_NANOS = 100_000;

    private final int participants;
    private final Worker[] workers;
    private final AtomicInteger active = new AtomicInteger();
    private volatile ParallelTask task;
    private volatile int generation;
    private volatile int closedGeneration;
    private volatile boolean closed;
    private volatile Throwable failure;

    /**
     * Starts {@code participants - 1} worker threads (the caller is the remaining participant).
     *
     * @param participants threads taking part in each task, at least 1
     * @param name prefix of the worker threads' names
     */
    public WorkerPool(int participants, String name) {
        if (participants < 1) {
            throw new IllegalArgumentException("a pool needs at least one participant, got " + participants);
        }
        this.participants = participants;
        this.workers = new Worker[participants - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            Thread t = new Thread(workers[i], name + "-" + (i + 1));
            t.setDaemon(true);
            workers[i].thread = t;
        }
        for (Worker w : workers) {
            w.thread.start();
        }
    }

    /** Threads taking part in each task, the caller included. */
    public int participants() {
        return participants;
    }

    /**
     * Runs {@code t} on every participant and returns when all have finished. An exception thrown by any
     * participant is rethrown here (the first one seen).
     *
     * @throws IllegalStateException if the pool is closed
     */
    public void run(ParallelTask t) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (workers.length == 0) {
            t.run(0);
            return;
        }
        failure = null;
        task = t;
        int g = generation + 1; // single writer: the caller
        generation = g;
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        Throwable own = null;
        try {
            t.run(0);
        } catch (Throwable e) {
            own = e;
        }
        closedGeneration = g;
        awaitWorkers();
        Throwable first = own != null ? own : failure;
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    private void awaitWorkers() {
        int spins = 0;
        while (active.get() != 0) {
            if (++spins < 1_000) {
                Thread.onSpinWait();
            } else {
                // A worker was descheduled (more threads than cores, or a busy machine): let it run.
                Thread.yield();
            }
        }
    }

    /** Stops the workers; they exit after their current task. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    private final class Worker implements Runnable {
        private final int index;
        private Thread thread;
        private volatile boolean parked;

        Worker(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                int g = awaitGeneration(seen);
                if (g == seen) {
                    return; // closed
                }
                seen = g;
                active.incrementAndGet();
                try {
                    // Enter only if the caller has not closed this task (it then waits for us) and no
                    // newer task replaced it while we were late.
                    if (closedGeneration != g && generation == g) {
                        task.run(index);
                    }
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    active.decrementAndGet();
                }
            }
        }

        /** Waits until the generation differs from {@code seen} (returns it) or the pool closes (returns seen). */
        private int awaitGeneration(int seen) {
            long spinStart = 0;
            int spins = 0;
            while (true) {
                int g = generation;
                if (g != seen) {
                    return g;
                }
                if (closed) {
                    return seen;
                }
                if ((++spins & 63) != 0) {
                    Thread.onSpinWait();
                    continue;
                }
                long now = System.nanoTime();
                if (spinStart == 0) {
                    spinStart = now;
                } else if (now - spinStart > SPIN_NANOS && now - spinStart <= PARK_AFTER_NANOS) {
                    Thread.yield(); // give a busy machine's other threads the core
                } else if (now - spinStart > PARK_AFTER_NANOS) {
                    parked = true;
                    // Re-check after publishing 'parked': run() writes generation before reading it.
                    if (generation == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    spinStart = 0;
                }
            }
        }
    }
}
