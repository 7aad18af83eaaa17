package dev.fmnist.api.training;

import dev.fmnist.api.model.Model;

/**
 * What a training run produced.
 *
 * @param model the trained model (the caller closes it)
 * @param history per-epoch statistics
 * @param complete false when a stop was requested before the last epoch ended
 */
public record TrainingResult(Model model, History history, boolean complete) {
}
