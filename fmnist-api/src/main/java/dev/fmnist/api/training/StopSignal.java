package dev.fmnist.api.training;

/**
 * Asks a running training to stop after its current batch (for example from a Ctrl-C handler). The
 * trainer then returns what it has trained, marked incomplete. Thread-safe.
 */
public final class StopSignal {
    private volatile boolean requested;

    /** Requests a stop; safe to call from any thread, any number of times. */
    public void request() {
        requested = true;
    }

    /** Whether a stop was requested. */
    public boolean requested() {
        return requested;
    }
}
