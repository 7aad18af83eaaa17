package dev.fmnist.api.training;

/**
 * Where training stands after a batch; running values over the epoch so far, as Keras's progress bar
 * shows them.
 *
 * @param epoch 1-based epoch
 * @param epochs total epochs
 * @param batch 1-based batch within the epoch
 * @param batches batches in the epoch
 * @param loss mean loss so far this epoch
 * @param accuracy accuracy so far this epoch
 * @param elapsedNanos time since the epoch started
 */
public record BatchProgress(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
        long elapsedNanos) {
}
