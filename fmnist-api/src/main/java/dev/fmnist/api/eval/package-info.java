/** Metrics: {@link dev.fmnist.api.eval.Evaluation} (loss, accuracy, confusion, per-class F1) and the evaluator. */
package dev.fmnist.api.eval;
