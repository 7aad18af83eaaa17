package dev.fmnist.backend.pure.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.backend.pure.PureSession;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The backward pass against central finite differences of an independent double-precision loss, on a
 * small three-layer network (relu, linear, softmax). One SGD step with learning rate 1 and no momentum
 * moves every parameter by exactly minus its gradient, which exposes the gradient.
 */
class GradientCheckTest {
    private static final ModelSpec SPEC = new ModelSpec("tiny", List.of(new LayerSpec.Flatten(),
            new LayerSpec.Dense(8, Activation.RELU), new LayerSpec.Dense(6, Activation.LINEAR),
            new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
    private static final int SAMPLES = 5;

    @Test
    void gradientsMatchFiniteDifferences() {
        Weights initial = withRandomBiases(Initializers.glorotUniform(SPEC, 1));
        Batch batch = new Batch(SAMPLES);
        batch.fill(SyntheticData.train(), new int[] {0, 1, 2, 3, 4}, 0, SAMPLES);
        TrainingConfig config = TrainingConfig.defaults().withThreads(1).withBatchSize(SAMPLES)
                .withOptimizer(new OptimizerConfig.Sgd(1.0, 0));
        Weights after;
        StepMetrics metrics = new StepMetrics();
        try (PureSession session = new PureSession(SPEC, initial, config, KernelSelector.best())) {
            session.step(batch, new StepContext(1, 1, 0), metrics);
            after = session.weights();
        }
        assertThat(metrics.lossSum() / SAMPLES).isCloseTo(loss(initial, batch), org.assertj.core.data.Offset.offset(1e-5));

        SplittableRandom pick = new SplittableRandom(9);
        int checked = 0;
        int nonZero = 0;
        for (Tensor t : initial.tensors()) {
            boolean big = t.data().length > 1000;
            for (int i = 0; i < t.data().length; i++) {
                if (big && pick.nextInt(20) != 0) {
                    continue; // a sample of the first kernel's 6,272 entries
                }
                double analytic = (double) t.data()[i] - after.get(t.name()).data()[i];
                double numeric = finiteDifference(initial, t.name(), i, batch);
                assertThat(analytic).as("%s[%d]", t.name(), i)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-4 + 1e-2 * Math.abs(numeric)));
                checked++;
                nonZero += Math.abs(numeric) > 1e-4 ? 1 : 0;
            }
        }
        assertThat(checked).isGreaterThan(400);
        assertThat(nonZero).as("parameters with a clearly non-zero gradient").isGreaterThan(100);
    }

    private static Weights withRandomBiases(Weights w) {
        SplittableRandom r = new SplittableRandom(2);
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : w.tensors()) {
            float[] d = t.data().clone();
            if (t.shape().length == 1) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) (r.nextDouble() * 0.2 - 0.05);
                }
            }
            out.add(new Tensor(t.name(), t.shape(), d));
        }
        return new Weights(out);
    }

    private static double finiteDifference(Weights w, String name, int index, Batch batch) {
        double h = 1e-4; // small: a step across a ReLU kink would spoil the difference
        float[] data = w.get(name).data();
        float saved = data[index];
        data[index] = (float) (saved + h);
        double up = loss(w, batch);
        double actualUp = data[index] - (double) saved;
        data[index] = (float) (saved - h);
        double down = loss(w, batch);
        double actualDown = saved - (double) data[index];
        data[index] = saved;
        return (up - down) / (actualUp + actualDown);
    }

    /** Mean cross-entropy in double precision, written independently of the backend. */
    private static double loss(Weights w, Batch batch) {
        double total = 0;
        for (int s = 0; s < batch.count(); s++) {
            double[] a = new double[Images.PIXELS];
            for (int p = 0; p < a.length; p++) {
                a[p] = batch.images()[s * Images.PIXELS + p];
            }
            List<LayerSpec.Dense> dense = SPEC.denseLayers();
            for (int l = 0; l < dense.size(); l++) {
                float[] k = w.kernel(l);
                float[] b = w.bias(l);
                int out = dense.get(l).units();
                double[] z = new double[out];
                for (int c = 0; c < out; c++) {
                    z[c] = b[c];
                    for (int r = 0; r < a.length; r++) {
                        z[c] += a[r] * k[r * out + c];
                    }
                    if (dense.get(l).activation() == Activation.RELU) {
                        z[c] = Math.max(0, z[c]);
                    }
                }
                a = z;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double z : a) {
                max = Math.max(max, z);
            }
            double sum = 0;
            for (double z : a) {
                sum += Math.exp(z - max);
            }
            total += max + Math.log(sum) - a[batch.labels()[s]];
        }
        return total / batch.count();
    }
}
