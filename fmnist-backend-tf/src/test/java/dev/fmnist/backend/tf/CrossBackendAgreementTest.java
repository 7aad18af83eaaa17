package dev.fmnist.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The TensorFlow backend against the API's scalar fake backend, which states in plain Java what every
 * backend computes: the same weights must give the same probabilities, and the same training job must
 * move the weights the same way (which checks the loss, the gradients and the optimizers' formulas: measured
 * differences are about 1e-7, while dropping Adam's bias correction makes them 1e-2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossBackendAgreementTest {
    private static final float PREDICTION_TOLERANCE = 1e-4f;

    private final Dataset train = SyntheticData.train().slice(0, 320);
    private final float[] images = SyntheticData.test().scaledImages(0, 200);
    private Backend tf;
    private Backend fake;

    @BeforeAll
    void start() {
        tf = new TfBackendProvider().create();
        fake = new FakeBackendProvider().create();
    }

    @AfterAll
    void stop() {
        tf.close();
        fake.close();
    }

    @Test
    void sameWeightsGiveTheSameProbabilities() {
        ModelSpec spec = ModelSpec.mlp();
        // Initial weights predict near-uniform probabilities; scale them up so the check is not trivial.
        Weights weights = scaled(Initializers.glorotUniform(spec, 3), 4f);
        try (Model a = tf.load(spec, weights, provenance()); Model b = fake.load(spec, weights, provenance())) {
            float[] expected = b.predict(images, 200);
            assertThat(maxAbs(expected, uniform(expected.length))).as("predictions far from uniform")
                    .isGreaterThan(0.3f);
            assertThat(maxAbs(a.predict(images, 200), expected)).isLessThanOrEqualTo(PREDICTION_TOLERANCE);
        }
    }

    @Test
    void adamStepsMatchTheScalarFormula() {
        assertSameTraining(OptimizerConfig.Adam.keras());
    }

    @Test
    void sgdWithMomentumStepsMatchTheScalarFormula() {
        assertSameTraining(new OptimizerConfig.Sgd(0.05, 0.9));
    }

    @Test
    void plainSgdStepsMatchTheScalarFormula() {
        assertSameTraining(new OptimizerConfig.Sgd(0.1, 0));
    }

    private void assertSameTraining(OptimizerConfig optimizer) {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withOptimizer(optimizer).withSeed(9);
        TrainingJob job = TrainingJob.of(ModelSpec.mlp(), train, config);
        Weights initial = Initializers.glorotUniform(ModelSpec.mlp(), 9);
        var a = tf.trainer().fit(job);
        var b = fake.trainer().fit(job);
        try (Model ta = a.model(); Model tb = b.model()) {
            float moved = 0;
            float apart = 0;
            for (Tensor t : tb.weights().tensors()) {
                moved = Math.max(moved, maxAbs(t.data(), initial.get(t.name()).data()));
                apart = Math.max(apart, maxAbs(ta.weights().get(t.name()).data(), t.data()));
            }
            assertThat(moved).as("largest weight change in 10 steps").isGreaterThan(1e-3f);
            assertThat(apart).as("largest difference between backends").isLessThan(moved * 1e-3f);
            assertThat(a.history().last().loss()).isCloseTo(b.history().last().loss(),
                    org.assertj.core.data.Offset.offset(1e-4));
            assertThat(maxAbs(ta.predict(images, 200), tb.predict(images, 200))).isLessThan(1e-5f);
        }
    }

    private static Weights scaled(Weights w, float factor) {
        return new Weights(w.tensors().stream().map(t -> {
            float[] d = t.data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] *= factor;
            }
            return new Tensor(t.name(), t.shape(), d);
        }).toList());
    }

    private static float[] uniform(int n) {
        float[] u = new float[n];
        java.util.Arrays.fill(u, 0.1f);
        return u;
    }

    private static float maxAbs(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        float worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static Provenance provenance() {
        return Provenance.now("test", "0", TrainingConfig.defaults(), "synthetic", "unknown", Map.of(), true, 0);
    }
}
