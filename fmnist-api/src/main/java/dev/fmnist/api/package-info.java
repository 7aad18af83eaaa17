/**
 * fmnist's contracts. Sub-packages by concern: {@code data} (images and batches), {@code model} (the
 * backend-neutral model description, weights, {@link dev.fmnist.api.model.Model}), {@code training}
 * (configuration, the training loop, listeners), {@code eval} (metrics), {@code spi} (backends and their
 * registry), {@code io} (the portable model file), {@code json} (a tiny JSON codec so the API needs no
 * dependencies) and {@code error} (the exceptions a user sees).
 */
package dev.fmnist.api;
