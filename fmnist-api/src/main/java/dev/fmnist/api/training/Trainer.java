package dev.fmnist.api.training;

/** Fits a model description on a dataset with a training configuration, reporting to listeners. */
public interface Trainer {

    /**
     * Trains.
     *
     * @throws dev.fmnist.api.error.TrainingDivergedException if the loss becomes NaN or infinite
     * @throws dev.fmnist.api.error.UnsupportedModelException if the backend cannot build the network
     */
    TrainingResult fit(TrainingJob job);
}
