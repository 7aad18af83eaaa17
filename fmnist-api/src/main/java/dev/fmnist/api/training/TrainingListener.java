package dev.fmnist.api.training;

/**
 * Receives training events. Progress display, logging, checkpoints, reports and Keras's callbacks are all
 * listeners; every method has a no-op default so a listener overrides only what it needs. Called on the
 * training thread, in the order the listeners were added.
 */
public interface TrainingListener {

    /** Before anything else: the handle through which this listener may steer the training. */
    default void attach(TrainingControl control) {
    }

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

    /**
     * After the last epoch ran (or training was stopped), while the weights can still be changed through
     * the {@link TrainingControl}: where EarlyStopping restores its best weights.
     */
    default void onFitEnd(History history) {
    }

    /** After training, whether it completed or was stopped. */
    default void onTrainingEnd(History history, boolean complete) {
    }
}
