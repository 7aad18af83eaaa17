package dev.fmnist.backend.pure.parallel;

/** Work run by every participant of a {@link WorkerPool} at once. */
@FunctionalInterface
public interface ParallelTask {

    /**
     * Runs this participant's share.
     *
     * @param participant 0 for the calling thread, 1.. for the workers; selects per-thread scratch
     */
    void run(int participant);
}
