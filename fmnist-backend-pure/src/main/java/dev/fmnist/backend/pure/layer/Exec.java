package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.training.StepContext;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.parallel.ChunkCursor;
import dev.fmnist.backend.pure.parallel.ParallelTask;
import dev.fmnist.backend.pure.parallel.WorkerPool;

/**
 * What the ops of one network share while they run: the kernels, the threads, the batch size, the mode
 * and the optimizer. {@link #forEach} hands numbered items to the threads in chunks; each item is
 * computed by one thread, so results do not depend on which thread takes it.
 */
public final class Exec {
    /** One numbered piece of a phase. */
    @FunctionalInterface
    interface Item {
        void run(int item, int participant);
    }

    final Kernels kernels;
    final WorkerPool pool;
    final int participants;
    private final ChunkCursor cursor = new ChunkCursor();
    private final ParallelTask runner = this::runItems;
    private Item item;

    /** Samples in the current batch. */
    int n;
    /** Training mode: batch statistics, dropout, moving statistics updated. */
    boolean training;
    /** The optimizer of a training step, null when only predicting. */
    Optimizer optimizer;
    /** Where training is: dropout masks are drawn from it. */
    StepContext context = new StepContext(0, 1, 0);

    /** Runs on {@code pool}, or on the calling thread alone when it is null. */
    public Exec(Kernels kernels, WorkerPool pool) {
        this.kernels = kernels;
        this.pool = pool;
        this.participants = pool == null ? 1 : pool.participants();
    }

    /** Runs items {@code 0..items-1} in chunks of {@code chunk} on every thread. */
    void forEach(int items, int chunk, Item task) {
        if (items <= 0) {
            return;
        }
        if (pool == null || participants == 1 || items <= chunk) {
            for (int i = 0; i < items; i++) {
                task.run(i, 0);
            }
            return;
        }
        item = task;
        cursor.reset(items, chunk);
        pool.run(runner);
        item = null;
    }

    private void runItems(int participant) {
        Item t = item;
        for (int s = cursor.claim(); s >= 0; s = cursor.claim()) {
            int end = cursor.end(s);
            for (int i = s; i < end; i++) {
                t.run(i, participant);
            }
        }
    }

    /** Updates {@code p.data[off..off+len)} from {@code p.grad[off..off+len)}. */
    void update(Param p, int off, int len) {
        optimizer.update(p.slot, p.data, off, p.grad, off, len);
    }
}
