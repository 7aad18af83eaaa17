/**
 * {@code fmnist serve}: an HTTP prediction service and a web page on one model, classifying through the
 * same {@link dev.fmnist.data.classify.Classifier} as the CLI. {@link dev.fmnist.serve.FmnistServer} is the
 * entry point; the model is loaded by the caller (the CLI, through the backend SPI).
 */
package dev.fmnist.serve;
