/**
 * What a model is, independent of any backend: the sequential description
 * ({@link dev.fmnist.api.model.ModelSpec}), its parameters in the portable layout
 * ({@link dev.fmnist.api.model.Weights}), Keras-style initial values, provenance, and the
 * {@link dev.fmnist.api.model.Model} a backend returns.
 */
package dev.fmnist.api.model;
