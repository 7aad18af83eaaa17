package dev.fmnist.backend.pure.parallel;

/**
 * Hands out chunks of {@code 0..size} so that each participant works on the same part every time (its
 * parameters and optimizer state stay in its core's cache from step to step), and takes over other
 * parts' remaining chunks when its own run out (a delayed thread costs little).
 */
public final class AffinityCursor {
    private final ChunkCursor[] parts;

    /** A cursor for {@code participants} threads. */
    public AffinityCursor(int participants) {
        parts = new ChunkCursor[participants];
        for (int i = 0; i < participants; i++) {
            parts[i] = new ChunkCursor();
        }
    }

    /** Prepares a round over {@code size} items in chunks of {@code chunk}, one contiguous part per participant. */
    public void reset(int size, int chunk) {
        int p = parts.length;
        for (int i = 0; i < p; i++) {
            int from = (int) ((long) size * i / p);
            int to = (int) ((long) size * (i + 1) / p);
            parts[i].reset(from, to, chunk);
        }
    }

    /**
     * Prepares a round in chunks of {@code chunk} with chosen parts: participant {@code i} owns items
     * {@code bounds[i]} to {@code bounds[i+1]}.
     *
     * @param bounds {@code participants + 1} increasing item indices
     */
    public void reset(int[] bounds, int chunk) {
        if (bounds.length != parts.length + 1) {
            throw new IllegalArgumentException("need " + (parts.length + 1) + " bounds, got " + bounds.length);
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i].reset(bounds[i], bounds[i + 1], chunk);
        }
    }

    /**
     * The next chunk for {@code participant}, from its own part first, or -1 when none is left anywhere.
     *
     * @return a handle for {@link #start(long)} and {@link #end(long)}, or -1
     */
    public long claim(int participant) {
        int p = parts.length;
        for (int k = 0; k < p; k++) {
            int part = (participant + k) % p;
            int start = parts[part].claim();
            if (start >= 0) {
                return ((long) part << 32) | start;
            }
        }
        return -1;
    }

    /** The first item of a claimed chunk. */
    public static int start(long handle) {
        return (int) handle;
    }

    /** The end (exclusive) of a claimed chunk. */
    public int end(long handle) {
        return parts[(int) (handle >>> 32)].end((int) handle);
    }
}
