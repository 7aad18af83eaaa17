/**
 * The TensorFlow Java backend's plugin face. {@link dev.fmnist.backend.tf.TfBackendProvider} is found by
 * {@link java.util.ServiceLoader} and stays free of TensorFlow types, so listing backends never loads
 * TensorFlow's native libraries; they load in {@link dev.fmnist.backend.tf.TfBackendProvider#create()}.
 * The graph is built in {@code graph}, run in {@code session}, and wired into the SPI in {@code engine}.
 */
package dev.fmnist.backend.tf;
