package dev.fmnist.api.training;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one training run needs.
 *
 * @param spec the network to train
 * @param train the training set; with a {@link TrainingConfig#validationSplit()} its last part validates
 * @param validation evaluated after every epoch (Keras's {@code validation_data}, which takes precedence
 *     over the split), or null
 * @param config the training settings
 * @param listeners receive events, in order
 * @param stop checked after every batch
 * @param resume where an earlier run stopped (Keras's {@code initial_epoch}), or null to start afresh
 */
public record TrainingJob(ModelSpec spec, Dataset train, Dataset validation, TrainingConfig config,
        List<TrainingListener> listeners, StopSignal stop, ResumePoint resume) {

    public TrainingJob {
        Objects.requireNonNull(spec, "spec");
        requireImages(Objects.requireNonNull(train, "train"), "training");
        if (validation != null) {
            requireImages(validation, "validation");
        }
        Objects.requireNonNull(config, "config");
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(stop, "stop");
    }

    /** A job that starts afresh. */
    public TrainingJob(ModelSpec spec, Dataset train, Dataset validation, TrainingConfig config,
            List<TrainingListener> listeners, StopSignal stop) {
        this(spec, train, validation, config, listeners, stop, null);
    }

    /** Training on no images would save the initial weights as a trained model, with a NaN loss. */
    private static void requireImages(Dataset data, String role) {
        if (data.size() == 0) {
            throw new InvalidInputException("the " + role + " set " + data.name() + " holds no images");
        }
    }

    /** A job without validation, listeners or stop requests. */
    public static TrainingJob of(ModelSpec spec, Dataset train, TrainingConfig config) {
        return new TrainingJob(spec, train, null, config, List.of(), new StopSignal(), null);
    }

    /** The same job, also evaluating on {@code data} after every epoch. */
    public TrainingJob withValidation(Dataset data) {
        return new TrainingJob(spec, train, data, config, listeners, stop, resume);
    }

    /** The same job with one more listener. */
    public TrainingJob withListener(TrainingListener listener) {
        List<TrainingListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new TrainingJob(spec, train, validation, config, more, stop, resume);
    }

    /** The same job watching another stop signal. */
    public TrainingJob withStop(StopSignal signal) {
        return new TrainingJob(spec, train, validation, config, listeners, signal, resume);
    }

    /** The same job continuing from {@code point} up to {@code config.epochs()}. */
    public TrainingJob resumingFrom(ResumePoint point) {
        return new TrainingJob(spec, train, validation, config, listeners, stop, point);
    }
}
