package dev.fmnist.api.error;

/** The training loss became NaN or infinite, usually because the learning rate is too high. */
public class TrainingDivergedException extends FmnistException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final int batch;

    /**
     * @param epoch 1-based epoch in which the loss diverged
     * @param batch 1-based batch within that epoch
     * @param loss the offending loss value
     */
    public TrainingDivergedException(int epoch, int batch, double loss) {
        super("training diverged: loss became " + loss + " at epoch " + epoch + ", batch " + batch
                + "; lower the learning rate (--learning-rate)");
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() {
        return epoch;
    }

    public int batch() {
        return batch;
    }
}
