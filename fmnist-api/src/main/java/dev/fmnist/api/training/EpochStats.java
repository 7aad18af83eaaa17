package dev.fmnist.api.training;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one epoch.
 *
 * @param epoch 1-based epoch number
 * @param loss mean training loss over the epoch's batches (weighted by batch size)
 * @param accuracy training accuracy over the epoch, measured before each step's update as Keras does
 * @param validationLoss loss on the validation set after the epoch, or NaN without one
 * @param validationAccuracy accuracy on the validation set after the epoch, or NaN without one
 * @param samples images trained on
 * @param nanos wall time of the epoch's training steps
 * @param learningRate the learning rate the epoch ended with, or NaN if unknown
 */
public record EpochStats(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy,
        long samples, long nanos, double learningRate) {

    /** The metric names {@link #metric} knows, as Keras's logs name them. */
    public static final List<String> METRICS = List.of("loss", "accuracy", "val_loss", "val_accuracy",
            "learning_rate");

    /** Stats without a recorded learning rate. */
    public EpochStats(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy,
            long samples, long nanos) {
        this(epoch, loss, accuracy, validationLoss, validationAccuracy, samples, nanos, Double.NaN);
    }

    /** Whether validation metrics are present. */
    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }

    /** Training images per second. */
    public double samplesPerSecond() {
        return nanos == 0 ? 0 : samples * 1e9 / nanos;
    }

    /**
     * A metric by its Keras name ({@link #METRICS}); NaN when absent (no validation set).
     *
     * @throws InvalidInputException for an unknown name
     */
    public double metric(String name) {
        return switch (name) {
            case "loss" -> loss;
            case "accuracy" -> accuracy;
            case "val_loss" -> validationLoss;
            case "val_accuracy" -> validationAccuracy;
            case "learning_rate" -> learningRate;
            default -> throw new InvalidInputException("unknown metric '" + name + "'; known: " + METRICS);
        };
    }

    /** The same stats with another epoch number (a resumed run continues the count). */
    public EpochStats withEpoch(int value) {
        return new EpochStats(value, loss, accuracy, validationLoss, validationAccuracy, samples, nanos,
                learningRate);
    }

    /** The stats as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("loss", loss);
        m.put("accuracy", accuracy);
        if (hasValidation()) {
            m.put("val_loss", validationLoss);
            m.put("val_accuracy", validationAccuracy);
        }
        if (!Double.isNaN(learningRate)) {
            m.put("learning_rate", learningRate);
        }
        m.put("samples", samples);
        m.put("seconds", nanos / 1e9);
        return m;
    }

    /** Reads stats from JSON. */
    public static EpochStats fromJson(Map<String, Object> m) {
        return new EpochStats((int) JsonFields.integer(m, "epoch"),
                JsonFields.number(m, "loss"),
                JsonFields.number(m, "accuracy"),
                JsonFields.number(m, "val_loss", Double.NaN),
                JsonFields.number(m, "val_accuracy", Double.NaN),
                JsonFields.integer(m, "samples"),
                Math.round(JsonFields.number(m, "seconds") * 1e9),
                JsonFields.number(m, "learning_rate", Double.NaN));
    }
}
