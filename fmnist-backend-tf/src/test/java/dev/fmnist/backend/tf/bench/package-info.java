/**
 * Benchmarks run by hand (main classes, not tests): seconds per epoch and inference throughput of the
 * TensorFlow backend on the real data, next to the same network written directly with TensorFlow Java.
 */
package dev.fmnist.backend.tf.bench;
