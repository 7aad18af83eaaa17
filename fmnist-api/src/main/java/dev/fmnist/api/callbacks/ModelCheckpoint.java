package dev.fmnist.api.callbacks;

import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingControl;
import dev.fmnist.api.training.TrainingListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keras's {@code ModelCheckpoint}: saves the model after every epoch, or with {@code saveBestOnly} only
 * when the monitored metric improves on the best so far. Each file is a full model file (weights,
 * history, optimizer state when the backend exports it, provenance marked incomplete), written through
 * {@link ModelFile} to a temporary file and moved into place, so a crash never leaves half a checkpoint.
 * {@code {epoch}} or {@code {epoch:02d}} in the file name becomes the 1-based epoch, as in Keras.
 */
public final class ModelCheckpoint implements TrainingListener {
    private static final Pattern EPOCH = Pattern.compile("\\{epoch(?::0?(\\d+)d)?}");

    private final String path;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private TrainingControl control;
    private double best;
    private Path lastSaved;

    /**
     * @param path where to save, optionally with an {@code {epoch}} placeholder
     * @param monitor the metric that decides what is best (Keras's default {@code val_loss})
     * @param saveBestOnly save only improvements (default false: every epoch)
     */
    public ModelCheckpoint(Path path, Monitor monitor, boolean saveBestOnly) {
        this.path = Objects.requireNonNull(path, "path").toString();
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.saveBestOnly = saveBestOnly;
    }

    @Override
    public void attach(TrainingControl value) {
        if (saveBestOnly) {
            monitor.check(value, "the checkpoint");
        }
        control = value;
        best = monitor.worst();
        lastSaved = null;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        if (saveBestOnly) {
            double current = monitor.valueIn(stats);
            if (Double.isNaN(current) || !monitor.improves(current, best, 0)) {
                return;
            }
            best = current;
            control.recordBest(monitor.metric(), stats.epoch());
        }
        Path target = fileFor(stats.epoch());
        ModelFile.write(target, new SavedModel(control.spec(), control.weights(), control.provenance(),
                control.history(), control.optimizerState()));
        lastSaved = target;
    }

    /** The file saved for an epoch (1-based). */
    public Path fileFor(int epoch) {
        Matcher m = EPOCH.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String digits = m.group(1) == null ? "1" : m.group(1);
            m.appendReplacement(sb, String.format("%0" + digits + "d", epoch));
        }
        m.appendTail(sb);
        return Path.of(sb.toString());
    }

    /** The last file written, or null. */
    public Path lastSaved() {
        return lastSaved;
    }
}
