/**
 * fmnist on Apache Spark: catalogue-sized batch scoring ({@link dev.fmnist.spark.score}) and
 * hyper-parameter sweeps ({@link dev.fmnist.spark.sweep}), with one model and backend per executor JVM
 * ({@link dev.fmnist.spark.runtime}). Spark itself is provided by the cluster (or by the local scripts).
 */
package dev.fmnist.spark;
