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
 * @param validationSplit the fraction of the training data held out for validation, in [0, 1): Keras's
 *     {@code validation_split}, the last {@code floor(n * (1 - split))..n} images, taken before shuffling;
 *     0 = none
 * @param augment whether training images get seeded random shifts and horizontal flips
 *     ({@link dev.fmnist.api.data.Augmentation})
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerConfig optimizer, long seed, int threads,
        boolean shuffle, double validationSplit, boolean augment) {

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
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new InvalidInputException("validation split must be in [0, 1), got " + validationSplit);
        }
    }

    /** A configuration without validation split or augmentation. */
    public TrainingConfig(int epochs, int batchSize, OptimizerConfig optimizer, long seed, int threads,
            boolean shuffle) {
        this(epochs, batchSize, optimizer, seed, threads, shuffle, 0, false);
    }

    /** The tutorial's settings: 5 epochs, batch 32, Adam with Keras's defaults, seed 42, all cores. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(5, 32, OptimizerConfig.Adam.keras(), DEFAULT_SEED, 0, true);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(value, batchSize, optimizer, seed, threads, shuffle, validationSplit, augment);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(epochs, value, optimizer, seed, threads, shuffle, validationSplit, augment);
    }

    public TrainingConfig withOptimizer(OptimizerConfig value) {
        return new TrainingConfig(epochs, batchSize, value, seed, threads, shuffle, validationSplit, augment);
    }

    public TrainingConfig withLearningRate(double value) {
        return withOptimizer(optimizer.withLearningRate(value));
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(epochs, batchSize, optimizer, value, threads, shuffle, validationSplit, augment);
    }

    public TrainingConfig withThreads(int value) {
        return new TrainingConfig(epochs, batchSize, optimizer, seed, value, shuffle, validationSplit, augment);
    }

    public TrainingConfig withShuffle(boolean value) {
        return new TrainingConfig(epochs, batchSize, optimizer, seed, threads, value, validationSplit, augment);
    }

    public TrainingConfig withValidationSplit(double value) {
        return new TrainingConfig(epochs, batchSize, optimizer, seed, threads, shuffle, value, augment);
    }

    public TrainingConfig withAugment(boolean value) {
        return new TrainingConfig(epochs, batchSize, optimizer, seed, threads, shuffle, validationSplit, value);
    }

    /**
     * Images of a {@code size}-image training set that are trained on, as Keras splits:
     * {@code floor(size * (1 - validationSplit))}; the rest validate.
     */
    public int trainingImages(int size) {
        return validationSplit == 0 ? size : (int) Math.floor(size * (1 - validationSplit));
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
        m.put("validation_split", validationSplit);
        m.put("augment", augment);
        return m;
    }

    /** Reads a configuration from JSON. */
    public static TrainingConfig fromJson(Map<String, Object> m) {
        return new TrainingConfig(JsonFields.smallInt(m, "epochs"), JsonFields.smallInt(m, "batch_size"),
                OptimizerConfig.fromJson(JsonFields.object(m, "optimizer")), JsonFields.integer(m, "seed"),
                JsonFields.smallInt(m, "threads"), JsonFields.bool(m, "shuffle", true),
                JsonFields.number(m, "validation_split", 0), JsonFields.bool(m, "augment", false));
    }
}
