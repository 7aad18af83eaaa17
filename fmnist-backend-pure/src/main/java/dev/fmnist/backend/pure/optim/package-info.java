/**
 * Parameter updates: {@link dev.fmnist.backend.pure.optim.Adam} exactly as Keras computes it and
 * {@link dev.fmnist.backend.pure.optim.Sgd} with classical momentum. An optimizer owns its state
 * (moments, velocities) and updates any slice of a parameter tensor, so rows can be updated by
 * different threads as soon as their gradient is known.
 */
package dev.fmnist.backend.pure.optim;
