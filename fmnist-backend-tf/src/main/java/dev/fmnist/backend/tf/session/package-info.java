/**
 * Running the graphs: {@link dev.fmnist.backend.tf.session.GraphRunner} owns one TensorFlow graph and session
 * and moves data in and out (every tensor and result closed by try-with-resources);
 * {@link dev.fmnist.backend.tf.session.TfTrainingSession} and {@link dev.fmnist.backend.tf.session.TfModel}
 * adapt it to the API's training session and model.
 */
package dev.fmnist.backend.tf.session;
