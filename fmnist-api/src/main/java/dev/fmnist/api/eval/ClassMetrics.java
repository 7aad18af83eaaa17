package dev.fmnist.api.eval;

import dev.fmnist.api.FashionClass;

/**
 * Precision, recall and F1 of one class.
 *
 * @param fashionClass the class
 * @param precision correct predictions of the class over all predictions of it (0 when never predicted)
 * @param recall correct predictions of the class over all images of it (0 when absent)
 * @param f1 harmonic mean of precision and recall
 * @param support images of the class
 */
public record ClassMetrics(FashionClass fashionClass, double precision, double recall, double f1, long support) {
}
