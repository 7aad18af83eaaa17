package dev.fmnist.cli.command;

import dev.fmnist.api.error.InvalidInputException;

/**
 * The bound on {@code --threads}: more threads than a few per core only add switching, and tens of
 * thousands exhaust the machine before the first batch.
 */
final class ThreadLimit {
    /** Threads allowed per core. */
    static final int PER_CORE = 4;

    private ThreadLimit() {
    }

    /** The most threads a command may ask for on this machine. */
    static int max() {
        return PER_CORE * Runtime.getRuntime().availableProcessors();
    }

    /** Checks a {@code --threads} value: 0 (the backend chooses) up to {@link #max()}. */
    static void check(int threads) {
        if (threads < 0 || threads > max()) {
            throw new InvalidInputException("--threads must be 0 (one per core) up to at most " + max() + " ("
                    + PER_CORE + " per core on this machine), got " + threads);
        }
    }
}
