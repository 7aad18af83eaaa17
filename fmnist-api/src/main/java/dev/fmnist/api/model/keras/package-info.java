/**
 * Keras's model descriptions ({@code model.to_json()}, the {@code model_config} of Keras model files) read
 * as fmnist {@link dev.fmnist.api.model.ModelSpec}s: {@link dev.fmnist.api.model.keras.KerasModelConfig}.
 */
package dev.fmnist.api.model.keras;
