package dev.fmnist.api.callbacks;

import dev.fmnist.api.training.TrainingControl;
import dev.fmnist.api.training.TrainingListener;
import java.util.Objects;

/**
 * Keras's {@code LearningRateScheduler}: at the start of every epoch sets the learning rate to
 * {@code schedule(epoch)}, from the rate configured when training began.
 */
public final class LearningRateScheduler implements TrainingListener {
    private final LearningRateSchedule schedule;
    private final double initial;
    private TrainingControl control;

    /**
     * @param schedule the rate per epoch
     * @param initial the rate the schedule starts from (the optimizer's configured learning rate)
     */
    public LearningRateScheduler(LearningRateSchedule schedule, double initial) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.initial = initial;
    }

    @Override
    public void attach(TrainingControl value) {
        control = value;
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        double rate = schedule.rate(initial, epoch - 1, epochs);
        if (rate != control.learningRate()) {
            control.setLearningRate(rate);
        }
    }
}
