package dev.fmnist.backend.pure.parallel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out {@code [start, end)} ranges of {@code from..to} to whichever thread asks next. Dynamic
 * hand-out keeps both cores busy when one is slowed by other processes; results stay deterministic
 * because each item is computed by exactly one thread in a fixed way.
 */
public final class ChunkCursor {
    private final AtomicInteger next = new AtomicInteger();
    private int size;
    private int chunk;

    /** Prepares a new round over {@code size} items in chunks of {@code chunk}. Call before dispatching. */
    public void reset(int size, int chunk) {
        reset(0, size, chunk);
    }

    /** Prepares a new round over items {@code from} (inclusive) to {@code to} (exclusive). */
    public void reset(int from, int to, int chunk) {
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
        this.size = to;
        this.chunk = chunk;
        next.set(from);
    }

    /** The start of the next chunk, or -1 when none is left; its end is {@link #end(int)}. */
    public int claim() {
        if (next.get() >= size) {
            return -1; // cheap read first: exhausted parts are polled by other threads
        }
        int start = next.getAndAdd(chunk);
        return start < size ? start : -1;
    }

    /** The end (exclusive) of the chunk starting at {@code start}. */
    public int end(int start) {
        return Math.min(size, start + chunk);
    }
}
