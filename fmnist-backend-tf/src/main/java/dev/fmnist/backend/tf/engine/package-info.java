/**
 * The running TensorFlow backend: {@link dev.fmnist.backend.tf.engine.TfBackend} loads the natives when it
 * starts and hands out trainers and models built on the {@code session} package.
 */
package dev.fmnist.backend.tf.engine;
