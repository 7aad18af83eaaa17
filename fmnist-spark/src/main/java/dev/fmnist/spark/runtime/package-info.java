/**
 * What lives once per executor JVM: the backend registry, the backend and the loaded model, created
 * lazily from a broadcast model file on first use and closed when the JVM shuts down.
 */
package dev.fmnist.spark.runtime;
