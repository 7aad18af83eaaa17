package dev.fmnist.api.training;

import dev.fmnist.api.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.List;

/** Per-epoch statistics of one training run, in order (Keras's {@code History}). */
public record History(List<EpochStats> epochs) {

    public History {
        epochs = List.copyOf(epochs);
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

    /** The history as a JSON array. */
    public List<Object> toJson() {
        List<Object> out = new ArrayList<>();
        for (EpochStats e : epochs) {
            out.add(e.toJson());
        }
        return out;
    }

    /** Reads a history from a JSON array. */
    public static History fromJson(List<Object> array) {
        List<EpochStats> out = new ArrayList<>();
        for (Object o : array) {
            out.add(EpochStats.fromJson(JsonFields.asObject(o, "epoch")));
        }
        return new History(out);
    }
}
