/**
 * Keras's containers: the legacy HDF5 weight layout, Keras 3's {@code vars} layout, and the {@code .keras} zip,
 * each read the way Keras itself reads it and checked against hostile input.
 */
package dev.fmnist.keras.container;
