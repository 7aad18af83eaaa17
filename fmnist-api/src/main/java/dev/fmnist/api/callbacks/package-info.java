/**
 * Keras's training callbacks as {@link dev.fmnist.api.training.TrainingListener}s, with Keras's names,
 * defaults and decisions: {@link dev.fmnist.api.callbacks.EarlyStopping},
 * {@link dev.fmnist.api.callbacks.ModelCheckpoint}, {@link dev.fmnist.api.callbacks.ReduceLROnPlateau},
 * {@link dev.fmnist.api.callbacks.LearningRateScheduler} and {@link dev.fmnist.api.callbacks.CsvLogger}.
 * Each steers training through the {@link dev.fmnist.api.training.TrainingControl} it is attached to.
 */
package dev.fmnist.api.callbacks;
