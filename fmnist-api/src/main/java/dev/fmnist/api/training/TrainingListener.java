package dev.fmnist.api.training;

/**
 * Receives training events. Progress display, logging, checkpoints and reports are all listeners; every
 * method has a no-op default so a listener overrides only what it needs. Called on the training thread.
 */
public interface TrainingListener {

    /** Before the first epoch. */
    default void onTrainingStart(TrainingJob job) {
    }

    /** At the start of an epoch (1-based) of {@code batches} batches. */
    default void onEpochStart(int epoch, int epochs, int batches) {
    }

    /** After each batch. Keep it cheap: it runs 1,875 times per epoch at batch 32. */
    default void onBatchEnd(BatchProgress progress) {
    }

    /** After an epoch, with validation metrics if the job has a validation set. */
    default void onEpochEnd(EpochStats stats) {
    }

    /** After training, whether it completed or was stopped. */
    default void onTrainingEnd(History history, boolean complete) {
    }
}
