package dev.fmnist.backend.tf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
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

    @Test
    void dropoutIsRejectedAsUnsupported() {
        ModelSpec spec = new ModelSpec("dropout", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(16, Activation.RELU), new LayerSpec.Dropout(0.2),
                new LayerSpec.Dense(10, Activation.SOFTMAX)));
        assertThatThrownBy(() -> GraphRunner.forInference(spec, Initializers.glorotUniform(spec, 1),
                Threads.forInference())).isInstanceOf(UnsupportedModelException.class).hasMessageContaining("dropout");
    }
}
