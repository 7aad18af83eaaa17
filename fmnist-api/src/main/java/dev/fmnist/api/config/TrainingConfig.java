package dev.fmnist.api.config;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to train: a value, stored in every model's provenance so the model can be trained again.
 *
 * @param epochs passes over the training set
 * @param batchSize images per step
 * @param optimizer the update rule
 * @param seed seeds the initial weights and every epoch's shuffle
 * @param threads worker threads a backend may use; 0 lets the backend choose what is fastest here (one per
 *     core for the pure backend, one for DL4J and TensorFlow at small batches)
 * @param shuffle whether each epoch visits the training set in a new seeded order (Keras does)
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerConfig optimizer, long seed, int threads,
        boolean shuffle) {

    /** The default seed. */
    public static final long DEFAULT_SEED = 42;

    public TrainingConfig {
        if (epochs <= 0) {
            throw new InvalidInputException("epochs must be positive, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new InvalidInputException("batch size must be positive, got " + batchSize);
        }
        if (threads < 0) {
            throw new InvalidInputException("threads must be 0 (all cores) or positive, got " + threads);
        }
        Objects.requireNonNull(optimizer, "optimizer");
    }

    /** The tutorial's settings: 5 epochs, batch 32, Adam with Keras's defaults, seed 42, all cores. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(5, 32, OptimizerConfig.Adam.keras(), DEFAULT_SEED, 0, true);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(value, batchSize, optimizer, seed, threads, shuffle);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(epochs, value, optimizer, seed, threads, shuffle);
    }

    public TrainingConfig withOptimizer(OptimizerConfig value) {
        return new TrainingConfig(epochs, batchSize, value, seed, threads, shuffle);
    }

    public TrainingConfig withLearningRate(double value) {
        return withOptimizer(optimizer.withLearningRate(value));
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(epochs, batchSize, optimizer, value, threads, shuffle);
    }

    public TrainingConfig withThreads(int value) {
        return new TrainingConfig(epochs, batchSize, optimizer, seed, value, shuffle);
    }

    public TrainingConfig withShuffle(boolean value) {
        return new TrainingConfig(epochs, batchSize, optimizer, seed, threads, value);
    }

    /** {@link #threads()} resolved for a backend that uses every core: 0 becomes the available processors. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The configuration as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("optimizer", optimizer.toJson());
        m.put("seed", seed);
        m.put("threads", threads);
        m.put("shuffle", shuffle);
        return m;
    }

    /** Reads a configuration from JSON. */
    public static TrainingConfig fromJson(Map<String, Object> m) {
        return new TrainingConfig(JsonFields.smallInt(m, "epochs"), JsonFields.smallInt(m, "batch_size"),
                OptimizerConfig.fromJson(JsonFields.object(m, "optimizer")), JsonFields.integer(m, "seed"),
                JsonFields.smallInt(m, "threads"), JsonFields.bool(m, "shuffle", true));
    }
}
