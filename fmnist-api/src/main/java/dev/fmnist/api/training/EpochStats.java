package dev.fmnist.api.training;

import dev.fmnist.api.internal.json.JsonFields;
import java.util.LinkedHashMap;
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
 */
public record EpochStats(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy,
        long samples, long nanos) {

    /** Whether validation metrics are present. */
    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }

    /** Training images per second. */
    public double samplesPerSecond() {
        return nanos == 0 ? 0 : samples * 1e9 / nanos;
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
                Math.round(JsonFields.number(m, "seconds") * 1e9));
    }
}
