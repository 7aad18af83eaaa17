package dev.fmnist.api.training;

/**
 * Where a training step is, so a backend can draw what it needs from the seed alone (dropout masks, see
 * {@link DropoutMasks}) and stay reproducible whatever its thread count.
 *
 * @param seed the job's seed ({@link dev.fmnist.api.config.TrainingConfig#seed()})
 * @param epoch the epoch, counting from 1
 * @param step the batch within the epoch, counting from 0
 */
public record StepContext(long seed, int epoch, int step) {
}
