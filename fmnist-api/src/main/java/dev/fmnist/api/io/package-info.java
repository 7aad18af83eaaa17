/**
 * Persistence: the portable model file ({@link dev.fmnist.api.io.ModelFile}) that every backend reads
 * and writes, the format seam ({@link dev.fmnist.api.io.ModelFormat}, {@link dev.fmnist.api.io.ModelFiles})
 * through which other modules add formats such as Keras's, and atomic writes
 * ({@link dev.fmnist.api.io.AtomicFiles}) so nothing is left half-written.
 */
package dev.fmnist.api.io;
