/**
 * Benchmarks, compiled with the tests but never run by the build: {@link
 * dev.fmnist.backend.pure.bench.EpochBenchmark} (end to end on the real data) and the JMH kernel
 * benchmarks. See the module's README for the commands.
 */
package dev.fmnist.backend.pure.bench;
