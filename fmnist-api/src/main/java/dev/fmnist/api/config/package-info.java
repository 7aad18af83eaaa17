/** Training configuration values: {@link dev.fmnist.api.config.TrainingConfig} and the optimizers. */
package dev.fmnist.api.config;
