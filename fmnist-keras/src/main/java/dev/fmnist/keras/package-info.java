/**
 * Keras interoperability as {@link dev.fmnist.api.io.ModelFormat}s found by ServiceLoader: reading
 * {@code .h5} ({@code model.save} of Keras 1-3, Keras 2 {@code save_weights}, Keras 3 {@code .weights.h5}) and
 * {@code .keras} files, writing {@code .h5}, {@code .keras} and {@code .onnx}.
 */
package dev.fmnist.keras;
