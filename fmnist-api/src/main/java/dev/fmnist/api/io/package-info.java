/**
 * Persistence: the portable model file ({@link dev.fmnist.api.io.ModelFile}) that every backend reads
 * and writes, and atomic writes ({@link dev.fmnist.api.io.AtomicFiles}) so nothing is left half-written.
 */
package dev.fmnist.api.io;
