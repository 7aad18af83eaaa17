package dev.fmnist.spark.sweep;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every combination of the given models, backends, learning rates, batch sizes and epoch counts. Models
 * named by file are read (and checked) on the driver, so a bad file fails before any task starts.
 */
public final class SweepGrid {
    /** The most points one sweep may have. */
    public static final int MAX_POINTS = 10_000;

    private SweepGrid() {
    }

    /** The grid's points, models outermost. */
    public static List<SweepPoint> of(List<String> models, List<String> backends, List<Double> learningRates,
            List<Integer> batchSizes, List<Integer> epochs, long seed) {
        long size = (long) models.size() * backends.size() * learningRates.size() * batchSizes.size() * epochs.size();
        if (size == 0) {
            throw new InvalidInputException("the sweep is empty: every list needs at least one value");
        }
        if (size > MAX_POINTS) {
            throw new InvalidInputException("the sweep has " + size + " points; at most " + MAX_POINTS);
        }
        List<SweepPoint> points = new ArrayList<>();
        for (String model : models) {
            String description = describe(model);
            String label = isPreset(model) ? model : Path.of(model).getFileName().toString();
            for (String backend : backends) {
                for (double lr : learningRates) {
                    check(lr > 0 && lr < 10, "learning rate must be in (0, 10), got " + lr);
                    for (int batch : batchSizes) {
                        check(batch >= 1 && batch <= 60_000, "batch size must be 1 to 60000, got " + batch);
                        for (int e : epochs) {
                            check(e >= 1 && e <= 1000, "epochs must be 1 to 1000, got " + e);
                            String id = String.format("%03d-%s-%s-lr%s-b%d-e%d", points.size() + 1,
                                    label.replaceAll("[^A-Za-z0-9]+", "_"), backend, lr, batch, e);
                            points.add(new SweepPoint(id, description, label, backend, lr, batch, e, seed));
                        }
                    }
                }
            }
        }
        return points;
    }

    private static boolean isPreset(String model) {
        return ModelSpec.PRESETS.contains(model);
    }

    /** The preset's name, or the JSON text of a description file (validated). */
    private static String describe(String model) {
        if (isPreset(model)) {
            return model;
        }
        Path file = Path.of(model);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("unknown model '" + model + "': not a preset " + ModelSpec.PRESETS
                    + " nor a JSON description file");
        }
        try {
            String json = Files.readString(file);
            ModelSpec.fromJson(json);
            return json;
        } catch (IOException e) {
            throw new StorageException("cannot read model description " + file + ": " + e.getMessage(), e);
        }
    }

    /** The model description of a point. */
    static ModelSpec spec(SweepPoint point) {
        return isPreset(point.model()) ? ModelSpec.preset(point.model()) : ModelSpec.fromJson(point.model());
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InvalidInputException(message);
        }
    }
}
