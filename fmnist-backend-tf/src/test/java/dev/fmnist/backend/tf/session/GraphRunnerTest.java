package dev.fmnist.backend.tf.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.DropoutMasks;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.backend.tf.TfBackendProvider;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphRunnerTest {
    @BeforeAll
    static void loadTensorFlow() {
        new TfBackendProvider().create().close();
    }

    @Test
    void concurrentShardsPredictWhatOneImageAtATimePredicts() {
        ModelSpec spec = ModelSpec.mlp();
        int count = 500;
        float[] images = SyntheticData.test().scaledImages(0, count);
        try (GraphRunner runner = GraphRunner.forInference(spec, Initializers.glorotUniform(spec, 4),
                new Threads(1, 3))) {
            float[] together = runner.predict(images, count, new float[count * 10]) ;
            for (int i = 0; i < count; i += 37) {
                float[] one = new float[10];
                runner.predict(java.util.Arrays.copyOfRange(images, i * 784, (i + 1) * 784), 1, one);
                for (int c = 0; c < 10; c++) {
                    assertThat(together[i * 10 + c]).as("image %d class %d", i, c)
                            .isCloseTo(one[c], org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
        }
    }

    @Test
    void hiddenActivationsBeyondReluRun() {
        ModelSpec spec = new ModelSpec("deep", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(16, Activation.TANH), new LayerSpec.Dense(16, Activation.SIGMOID),
                new LayerSpec.Dense(8, Activation.LINEAR), new LayerSpec.Dense(10, Activation.SOFTMAX)));
        try (GraphRunner runner = GraphRunner.forInference(spec, Initializers.glorotUniform(spec, 4),
                Threads.forInference())) {
            float[] p = runner.predict(SyntheticData.test().scaledImages(0, 3), 3, new float[30]);
            for (int i = 0; i < 3; i++) {
                double sum = 0;
                for (int c = 0; c < 10; c++) {
                    sum += p[i * 10 + c];
                }
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            }
            assertThat(runner.weights()).isEqualTo(Initializers.glorotUniform(spec, 4));
        }
    }

    /**
     * A training step drops exactly the elements the API's {@link DropoutMasks} drops (the loss it reports is
     * the hand-computed loss of the masked input), and moves BatchNormalization's moving statistics by
     * Keras's rule with the batch's biased variance.
     */
    @Test
    void dropoutAndBatchNormalizationFollowKerasInTraining() {
        int units = 3;
        ModelSpec spec = new ModelSpec("semantics", List.of(new LayerSpec.Flatten(), new LayerSpec.Dropout(0.4),
                new LayerSpec.Dense(units, Activation.LINEAR), new LayerSpec.BatchNormalization(),
                new LayerSpec.Dense(10, Activation.SOFTMAX)));
        Weights initial = Initializers.glorotUniform(spec, 8);
        int n = 16;
        Batch batch = new Batch(n);
        batch.fill(SyntheticData.train(), BatchPlan.sequential(n, n), 0);
        StepContext context = new StepContext(8, 1, 0);
        float[] mask = new float[n * 784];
        DropoutMasks.fill(DropoutMasks.key(context, 1), 0.4, 0, mask, 0, mask.length);
        float[] x = batch.images();
        float[] kernel = initial.get("dense/kernel").data();
        double[][] z = new double[n][units];
        double[] mean = new double[units];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < units; u++) {
                double sum = 0;
                for (int p = 0; p < 784; p++) {
                    sum += x[i * 784 + p] * mask[i * 784 + p] * kernel[p * units + u];
                }
                z[i][u] = sum; // biases start at zero
                mean[u] += sum / n;
            }
        }
        double[] variance = new double[units];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < units; u++) {
                variance[u] += (z[i][u] - mean[u]) * (z[i][u] - mean[u]) / n;
            }
        }
        try (GraphRunner runner = GraphRunner.forTraining(spec, initial, OptimizerConfig.Adam.keras(),
                new Threads(1, 1))) {
            runner.step(batch, context, new StepMetrics());
            Weights after = runner.weights();
            float[] movingMean = after.get("batch_normalization/moving_mean").data();
            float[] movingVariance = after.get("batch_normalization/moving_variance").data();
            for (int u = 0; u < units; u++) {
                assertThat((double) movingMean[u]).as("moving mean %d", u)
                        .isCloseTo(0.01 * mean[u], org.assertj.core.data.Offset.offset(1e-6));
                assertThat((double) movingVariance[u]).as("moving variance %d", u)
                        .isCloseTo(0.99 + 0.01 * variance[u], org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat(after.get("dense/kernel").data()).isNotEqualTo(kernel);
        }
    }
}
