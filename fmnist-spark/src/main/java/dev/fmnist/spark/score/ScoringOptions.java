package dev.fmnist.spark.score;

import dev.fmnist.api.error.InvalidInputException;
import java.io.Serializable;

/**
 * How partitions are scored.
 *
 * @param backend the backend to run on, or null for the executor's default ({@code pure} unless
 *     {@code FMNIST_BACKEND} says otherwise)
 * @param top how many classes each row's {@code top_k} column lists (1 to 10)
 * @param batchSize how many pictures go to the model in one predict call
 */
public record ScoringOptions(String backend, int top, int batchSize) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScoringOptions {
        if (top < 1 || top > 10) {
            throw new InvalidInputException("--top must be 1 to 10, got " + top);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new InvalidInputException("--batch-size must be 1 to 65536, got " + batchSize);
        }
    }

    /** The default backend, top 3, batches of 256. */
    public static ScoringOptions defaults() {
        return new ScoringOptions(null, 3, 256);
    }

    public ScoringOptions withBackend(String value) {
        return new ScoringOptions(value, top, batchSize);
    }

    public ScoringOptions withTop(int value) {
        return new ScoringOptions(backend, value, batchSize);
    }

    public ScoringOptions withBatchSize(int value) {
        return new ScoringOptions(backend, top, value);
    }
}
