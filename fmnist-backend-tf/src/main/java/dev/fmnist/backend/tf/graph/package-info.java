/**
 * TensorFlow graphs built from the API's {@link dev.fmnist.api.model.ModelSpec}: the forward network with its
 * variables and weight-loading ops ({@link dev.fmnist.backend.tf.graph.NetworkGraph}), and the training ops
 * added on top of it: loss, gradients and the optimizer's update ({@link dev.fmnist.backend.tf.graph.TrainingGraph}).
 * Nothing here runs a graph; that is the {@code session} package's job.
 */
package dev.fmnist.backend.tf.graph;
