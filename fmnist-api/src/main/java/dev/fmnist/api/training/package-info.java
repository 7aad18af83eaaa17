/**
 * Training: the {@link dev.fmnist.api.training.Trainer} contract, the shared loop
 * ({@link dev.fmnist.api.training.SessionTrainer}) over a backend's
 * {@link dev.fmnist.api.training.TrainingSession}, jobs, listeners, per-epoch history and stop requests.
 */
package dev.fmnist.api.training;
