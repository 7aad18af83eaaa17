/** Benchmarks (main classes, not tests): epoch time and inference speed against plain DL4J code. */
package dev.fmnist.backend.dl4j.bench;
