package dev.fmnist.api.training;

import dev.fmnist.api.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-epoch statistics of one training run, in order (Keras's {@code History}), with what callbacks
 * decided and the final test evaluation.
 *
 * @param epochs the epochs, in order (a resumed run continues its file's history)
 * @param monitor the metric a callback judged epochs by, or null
 * @param bestEpoch the best epoch by {@code monitor}, or 0
 * @param stoppedEpoch the epoch after which a callback stopped training early, or 0
 * @param testLoss loss on the test set, evaluated once after training, or NaN
 * @param testAccuracy accuracy on the test set, or NaN
 */
public record History(List<EpochStats> epochs, String monitor, int bestEpoch, int stoppedEpoch, double testLoss,
        double testAccuracy) {

    public History {
        epochs = List.copyOf(epochs);
    }

    /** A history of epochs alone. */
    public History(List<EpochStats> epochs) {
        this(epochs, null, 0, 0, Double.NaN, Double.NaN);
    }

    /** An empty history. */
    public static History empty() {
        return new History(List.of());
    }

    /** The last epoch's stats. @throws IllegalStateException if no epoch finished */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch finished");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** Whether the test set was evaluated. */
    public boolean hasTest() {
        return !Double.isNaN(testAccuracy);
    }

    /** The same with the best epoch by {@code metric}. */
    public History withBest(String metric, int epoch) {
        return new History(epochs, metric, epoch, stoppedEpoch, testLoss, testAccuracy);
    }

    /** The same, stopped early after {@code epoch}. */
    public History withStopped(int epoch) {
        return new History(epochs, monitor, bestEpoch, epoch, testLoss, testAccuracy);
    }

    /** The same with the test set's evaluation. */
    public History withTest(double loss, double accuracy) {
        return new History(epochs, monitor, bestEpoch, stoppedEpoch, loss, accuracy);
    }

    /** The same with more epochs after these. */
    public History plus(List<EpochStats> more) {
        List<EpochStats> all = new ArrayList<>(epochs);
        all.addAll(more);
        return new History(all, monitor, bestEpoch, stoppedEpoch, testLoss, testAccuracy);
    }

    /** The epochs as a JSON array. */
    public List<Object> toJson() {
        List<Object> out = new ArrayList<>();
        for (EpochStats e : epochs) {
            out.add(e.toJson());
        }
        return out;
    }

    /** What callbacks decided and the test evaluation, as a JSON object (only what is known). */
    public Map<String, Object> summaryJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (monitor != null) {
            m.put("monitor", monitor);
            m.put("best_epoch", bestEpoch);
        }
        if (stoppedEpoch > 0) {
            m.put("stopped_epoch", stoppedEpoch);
        }
        if (hasTest()) {
            m.put("test_loss", testLoss);
            m.put("test_accuracy", testAccuracy);
        }
        return m;
    }

    private static int smallInt(Map<String, Object> m, String key) {
        return m.containsKey(key) ? JsonFields.smallInt(m, key) : 0;
    }

    /** Reads a history from a JSON array of epochs. */
    public static History fromJson(List<Object> array) {
        return fromJson(array, Map.of());
    }

    /** Reads a history from a JSON array of epochs and its {@link #summaryJson() summary}. */
    public static History fromJson(List<Object> array, Map<String, Object> summary) {
        List<EpochStats> out = new ArrayList<>();
        for (Object o : array) {
            out.add(EpochStats.fromJson(JsonFields.asObject(o, "epoch")));
        }
        String monitor = summary.get("monitor") == null ? null : JsonFields.string(summary, "monitor");
        return new History(out, monitor, smallInt(summary, "best_epoch"), smallInt(summary, "stopped_epoch"),
                JsonFields.number(summary, "test_loss", Double.NaN),
                JsonFields.number(summary, "test_accuracy", Double.NaN));
    }
}
