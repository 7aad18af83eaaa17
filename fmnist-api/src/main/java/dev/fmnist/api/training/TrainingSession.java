package dev.fmnist.api.training;

import dev.fmnist.api.data.Batch;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;

/**
 * A backend's network while it trains: the step-level contract that {@link SessionTrainer} drives.
 * Batching, shuffling, listeners, stop requests, divergence checks and validation are the trainer's
 * job, so a backend implements only the arithmetic. The optional operations (learning rate, weights,
 * optimizer state) serve callbacks and resuming; a backend that lacks one refuses it by name.
 */
public interface TrainingSession extends Predictor, AutoCloseable {

    /**
     * One optimisation step: forward, sparse categorical cross-entropy, backward, update.
     *
     * @param batch the images and labels ({@code batch.count()} of them)
     * @param context the seed, epoch and step, from which dropout masks are drawn ({@link DropoutMasks})
     * @param metrics receives the batch's loss sum and correct count, measured before the update
     */
    void step(Batch batch, StepContext context, StepMetrics metrics);

    /** The current parameters in the portable layout. */
    Weights weights();

    /**
     * Sets the learning rate of the following steps (learning-rate schedules, ReduceLROnPlateau).
     *
     * @throws UnsupportedModelException if the backend cannot change it
     */
    default void setLearningRate(double learningRate) {
        throw new UnsupportedModelException("this backend cannot change the learning rate while training");
    }

    /**
     * Replaces the parameters (EarlyStopping's restore_best_weights); the optimizer state stays.
     *
     * @throws UnsupportedModelException if the backend cannot
     */
    default void setWeights(Weights weights) {
        throw new UnsupportedModelException("this backend cannot replace the weights while training");
    }

    /**
     * The optimizer's state in the portable layout, for resuming later.
     *
     * @throws UnsupportedModelException if the backend cannot export it
     */
    default OptimizerState optimizerState() {
        throw new UnsupportedModelException("this backend cannot export its optimizer state");
    }

    /**
     * Continues from a saved optimizer state (same optimizer, slots shaped like the parameters).
     *
     * @throws UnsupportedModelException if the backend cannot
     * @throws dev.fmnist.api.error.InvalidInputException if the state does not fit the optimizer or network
     */
    default void restoreOptimizerState(OptimizerState state) {
        throw new UnsupportedModelException("this backend cannot resume from a saved optimizer state");
    }

    /**
     * The trained model. The session may hand over its resources; it is closed afterwards and must
     * not be stepped again.
     */
    Model toModel(Provenance provenance);

    @Override
    void close();
}
