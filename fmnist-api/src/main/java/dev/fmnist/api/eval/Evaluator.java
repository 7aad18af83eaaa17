package dev.fmnist.api.eval;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.data.Dataset;
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
        long[][] confusion = new long[FashionClass.COUNT][FashionClass.COUNT];
        double lossSum = 0;
        BatchPlan plan = BatchPlan.sequential(data.size(), batchSize);
        Batch batch = new Batch(Math.max(1, Math.min(batchSize, data.size())));
        float[] probabilities = new float[batch.capacity() * FashionClass.COUNT];
        for (int b = 0; b < plan.batchCount(); b++) {
            batch.fill(data, plan, b);
            predictor.predict(batch.images(), batch.count(), probabilities);
            for (int i = 0; i < batch.count(); i++) {
                int label = batch.labels()[i];
                float p = probabilities[i * FashionClass.COUNT + label];
                lossSum -= Math.log(Math.max(p, EPSILON));
                confusion[label][Prediction.argmax(probabilities, i)]++;
            }
        }
        return Evaluation.of(lossSum, confusion);
    }
}
