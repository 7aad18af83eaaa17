package dev.fmnist.api.training;

/** What one training step reports back; reused across steps so the loop allocates nothing. */
public final class StepMetrics {
    private double lossSum;
    private int correct;

    /**
     * Records a step's results.
     *
     * @param lossSum sum over the batch of each image's cross-entropy
     * @param correct images whose most probable class (before the update) was the true one
     */
    public void set(double lossSum, int correct) {
        this.lossSum = lossSum;
        this.correct = correct;
    }

    public double lossSum() {
        return lossSum;
    }

    public int correct() {
        return correct;
    }
}
