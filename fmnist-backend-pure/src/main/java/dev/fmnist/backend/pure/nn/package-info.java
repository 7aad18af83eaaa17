/**
 * The dense network of the pure backend: parameters in a padded internal layout
 * ({@link dev.fmnist.backend.pure.nn.DenseNetwork}), the stable softmax cross-entropy
 * ({@link dev.fmnist.backend.pure.nn.SoftmaxCrossEntropy}), one training step in three parallel phases:
 * first layer by input part, per sample, per parameter row ({@link dev.fmnist.backend.pure.nn.TrainingStep}) and parallel
 * prediction ({@link dev.fmnist.backend.pure.nn.Inference}).
 */
package dev.fmnist.backend.pure.nn;
