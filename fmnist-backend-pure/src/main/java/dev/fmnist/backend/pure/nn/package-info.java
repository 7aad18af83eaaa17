/**
 * The dense network of the pure backend: parameters in a padded internal layout
 * ({@link dev.fmnist.backend.pure.nn.DenseNetwork}), the stable softmax cross-entropy
 * ({@link dev.fmnist.backend.pure.nn.SoftmaxCrossEntropy}), one training step split into a per-sample
 * and a per-parameter-row phase ({@link dev.fmnist.backend.pure.nn.TrainingStep}) and parallel
 * prediction ({@link dev.fmnist.backend.pure.nn.Inference}).
 */
package dev.fmnist.backend.pure.nn;
