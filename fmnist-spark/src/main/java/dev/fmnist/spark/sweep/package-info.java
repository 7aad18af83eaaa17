/**
 * Hyper-parameter sweeps: a grid of training configurations ({@link dev.fmnist.spark.sweep.SweepGrid}),
 * one Spark task each ({@link dev.fmnist.spark.sweep.SweepTask}), collected into one results table by
 * {@link dev.fmnist.spark.sweep.SweepJob}.
 */
package dev.fmnist.spark.sweep;
