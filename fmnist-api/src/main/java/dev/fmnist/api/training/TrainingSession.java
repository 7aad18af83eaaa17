package dev.fmnist.api.training;

import dev.fmnist.api.data.Batch;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;

/**
 * A backend's network while it trains: the step-level contract that {@link SessionTrainer} drives.
 * Batching, shuffling, listeners, stop requests, divergence checks and validation are the trainer's
 * job, so a backend implements only the arithmetic.
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
     * The trained model. The session may hand over its resources; it is closed afterwards and must
     * not be stepped again.
     */
    Model toModel(Provenance provenance);

    @Override
    void close();
}
