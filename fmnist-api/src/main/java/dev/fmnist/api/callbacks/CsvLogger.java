package dev.fmnist.api.callbacks;

import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Keras's {@code CSVLogger}: one row per epoch with Keras's columns, {@code epoch} (0-based, as Keras
 * writes it) then the metrics in alphabetical order: {@code accuracy,learning_rate,loss} and, with
 * validation, {@code val_accuracy,val_loss}. The whole file is rewritten through {@link AtomicFiles} after
 * each epoch, so it is always complete and readable while training runs.
 */
public final class CsvLogger implements TrainingListener {
    private final Path path;
    private final StringBuilder rows = new StringBuilder();
    private boolean validation;

    /** A log written to {@code path} (replaced, as Keras does without {@code append}). */
    public CsvLogger(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        if (rows.length() == 0) {
            validation = stats.hasValidation();
            rows.append("epoch,accuracy,learning_rate,loss").append(validation ? ",val_accuracy,val_loss" : "")
                    .append('\n');
        }
        rows.append(stats.epoch() - 1).append(',').append(stats.accuracy()).append(',')
                .append(Double.isNaN(stats.learningRate()) ? "" : String.valueOf(stats.learningRate())).append(',')
                .append(stats.loss());
        if (validation) {
            rows.append(',').append(stats.validationAccuracy()).append(',').append(stats.validationLoss());
        }
        rows.append('\n');
        AtomicFiles.write(path, rows.toString().getBytes(StandardCharsets.UTF_8));
    }
}
