package dev.fmnist.api.eval;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.model.Predictor;

/** Evaluates any {@link Predictor} on a dataset, batch by batch. */
public final class Evaluator {
    /** Probabilities are clipped to this before the logarithm, as Keras does. */
    public static final float EPSILON = 1e-7f;

    private Evaluator() {
    }

    /** Evaluates in batches of {@code batchSize}, in dataset order. */
    public static Evaluation evaluate(Predictor predictor, Dataset data, int batchSize) {
        requireImages(data);
        return evaluate(predictAll(predictor, data, batchSize), data);
    }

    /**
     * The probabilities of every image of {@code data}, {@code [data.size()][10]} in dataset order, predicted in
     * batches of {@code batchSize} (for a caller that needs them besides the metrics: a report, a preview).
     */
    public static float[] predictAll(Predictor predictor, Dataset data, int batchSize) {
        float[] out = new float[data.size() * FashionClass.COUNT];
        if (data.size() == 0) {
            return out;
        }
        BatchPlan plan = BatchPlan.sequential(data.size(), batchSize);
        Batch batch = new Batch(Math.max(1, Math.min(batchSize, data.size())));
        float[] probabilities = new float[batch.capacity() * FashionClass.COUNT];
        int row = 0;
        for (int b = 0; b < plan.batchCount(); b++) {
            batch.fill(data, plan, b);
            predictor.predict(batch.images(), batch.count(), probabilities);
            System.arraycopy(probabilities, 0, out, row * FashionClass.COUNT, batch.count() * FashionClass.COUNT);
            row += batch.count();
        }
        return out;
    }

    /**
     * Evaluates probabilities already predicted for every image of {@code data}, in dataset order
     * ({@code [data.size()][10]}), so a caller that needs them anyway does not predict twice.
     *
     * @throws InvalidInputException if there are fewer rows than images, or no images
     */
    public static Evaluation evaluate(float[] probabilities, Dataset data) {
        requireImages(data);
        if (probabilities.length < (long) data.size() * FashionClass.COUNT) {
            throw new InvalidInputException(data.name() + " has " + data.size() + " images but only "
                    + probabilities.length / FashionClass.COUNT + " rows of probabilities were given");
        }
        Tally tally = new Tally();
        for (int i = 0; i < data.size(); i++) {
            tally.add(probabilities, i, data.label(i));
        }
        return tally.evaluation();
    }

    /** The metrics of no images are NaN: an input error, not a result. */
    private static void requireImages(Dataset data) {
        if (data.size() == 0) {
            throw new InvalidInputException("cannot evaluate on " + data.name() + ": it holds no images");
        }
    }

    /** Loss sum and confusion counts, one image at a time. */
    private static final class Tally {
        private final long[][] confusion = new long[FashionClass.COUNT][FashionClass.COUNT];
        private double lossSum;

        void add(float[] probabilities, int row, int label) {
            float p = probabilities[row * FashionClass.COUNT + label];
            lossSum -= Math.log(Math.max(p, EPSILON));
            confusion[label][Prediction.argmax(probabilities, row)]++;
        }

        Evaluation evaluation() {
            return Evaluation.of(lossSum, confusion);
        }
    }
}
