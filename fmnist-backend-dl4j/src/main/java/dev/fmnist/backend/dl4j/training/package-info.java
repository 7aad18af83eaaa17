/**
 * Training on DL4J: the {@link dev.fmnist.api.training.TrainingSession} that the API's shared
 * {@link dev.fmnist.api.training.SessionTrainer} drives, step by step.
 */
package dev.fmnist.backend.dl4j.training;
