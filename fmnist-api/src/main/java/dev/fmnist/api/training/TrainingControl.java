package dev.fmnist.api.training;

import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;

/**
 * What a listener may do to a running training, as a Keras callback does through {@code self.model}:
 * stop it, change the learning rate, read and replace the weights, and capture what a checkpoint needs.
 * Handed to each listener by {@link TrainingListener#attach} before the first epoch; use it on the
 * training thread only.
 */
public interface TrainingControl {

    /** The network being trained. */
    ModelSpec spec();

    /** Whether each epoch reports {@code val_loss} and {@code val_accuracy}. */
    boolean hasValidation();

    /** The total epochs asked for. */
    int epochs();

    /** The learning rate of the next step. */
    double learningRate();

    /** Sets the learning rate from the next step on. */
    void setLearningRate(double learningRate);

    /** A copy of the current weights. */
    Weights weights();

    /** Replaces the weights (for example with the best ones seen). */
    void setWeights(Weights weights);

    /** Stops training after the current epoch (Keras's {@code model.stop_training = True}). */
    void stopTraining();

    /** Records which epoch was best by {@code monitor}, for the history and reports. */
    void recordBest(String monitor, int epoch);

    /** The history so far. */
    History history();

    /** The optimizer's state now, or null if the backend cannot export it. */
    OptimizerState optimizerState();

    /** Provenance for a model saved now (marked incomplete until training ends). */
    Provenance provenance();
}
