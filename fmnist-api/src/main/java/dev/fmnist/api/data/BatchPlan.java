package dev.fmnist.api.data;

import dev.fmnist.api.error.InvalidInputException;
import java.util.SplittableRandom;

/**
 * The order in which one epoch visits a dataset, cut into batches. Shuffled plans depend only on the
 * seed and the epoch, so every backend sees the same batches for the same configuration.
 *
 * @param order a permutation of {@code 0..size-1}
 * @param batchSize images per batch; the last batch may be smaller
 */
public record BatchPlan(int[] order, int batchSize) {

    public BatchPlan {
        if (batchSize <= 0) {
            throw new InvalidInputException("batch size must be positive, got " + batchSize);
        }
    }

    /** Visits {@code 0..size-1} in order. */
    public static BatchPlan sequential(int size, int batchSize) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return new BatchPlan(order, batchSize);
    }

    /** A Fisher-Yates shuffle seeded by {@code seed} and {@code epoch} (1-based). */
    public static BatchPlan shuffled(int size, int batchSize, long seed, int epoch) {
        BatchPlan plan = sequential(size, batchSize);
        int[] order = plan.order;
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return plan;
    }

    /** Number of images visited. */
    public int size() {
        return order.length;
    }

    /** Number of batches, the last one possibly partial. */
    public int batchCount() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** Position in {@link #order()} where batch {@code b} (0-based) starts. */
    public int start(int b) {
        return b * batchSize;
    }

    /** Number of images in batch {@code b}. */
    public int count(int b) {
        return Math.min(batchSize, order.length - b * batchSize);
    }
}
