/**
 * HDF5 through jhdf, read defensively: every size and shape checked against the file before allocating,
 * every library failure on a bad file turned into a one-line error; and the small writer Keras's layouts need.
 */
package dev.fmnist.keras.hdf5;
