package dev.fmnist.api.training;

import dev.fmnist.api.model.Model;

/**
 * What a training run produced.
 *
 * @param model the trained model (the caller closes it)
 * @param history per-epoch statistics (of the whole run, a resumed one included)
 * @param complete false when a stop was requested before the last epoch ended
 * @param optimizerState the optimizer's state at the end, to resume from, or null if the backend cannot
 *     export it
 */
public record TrainingResult(Model model, History history, boolean complete, OptimizerState optimizerState) {

    /** A result without optimizer state. */
    public TrainingResult(Model model, History history, boolean complete) {
        this(model, history, complete, null);
    }
}
