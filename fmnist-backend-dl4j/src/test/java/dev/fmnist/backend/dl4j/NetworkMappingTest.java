package dev.fmnist.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Networks other than the tutorial's, and what the backend refuses with a reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkMappingTest {
    private static final ModelSpec DEEPER = new ModelSpec("deeper", List.of(new LayerSpec.Flatten(),
            new LayerSpec.Dense(64, Activation.RELU), new LayerSpec.Dense(32, Activation.LINEAR),
            new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));

    private final Dataset head = SyntheticData.train().slice(0, 32 * 20);
    private Backend dl4j;
    private Backend reference;

    @BeforeAll
    void start() {
        dl4j = new Dl4jBackendProvider().create();
        reference = new FakeBackendProvider().create();
    }

    @AfterAll
    void stop() {
        dl4j.close();
        reference.close();
    }

    @Test
    void aDeeperNetworkTrainsLikeTheReference() {
        assertTrainsLikeTheReference(DEEPER, TrainingConfig.defaults().withEpochs(1).withSeed(4));
    }

    @Test
    void plainSgdTrainsLikeTheReference() {
        assertTrainsLikeTheReference(DEEPER, TrainingConfig.defaults().withEpochs(1).withSeed(4)
                .withOptimizer(new OptimizerConfig.Sgd(0.05, 0)));
    }

    @Test
    void refusesWhatItCannotRunWithTheReason() {
        ModelSpec conv = new ModelSpec("conv", List.of(new LayerSpec.Conv2D(8, 3, Activation.RELU),
                new LayerSpec.Flatten(), new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
        Provenance provenance = provenance();
        assertThatThrownBy(() -> dl4j.load(conv, null, provenance))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("'conv2d'");
        ModelSpec hiddenSoftmax = new ModelSpec("s", List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(20, Activation.SOFTMAX),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
        assertThatThrownBy(() -> dl4j.load(hiddenSoftmax, Initializers.glorotUniform(hiddenSoftmax, 1), provenance))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("hidden");
        TrainingConfig momentum = TrainingConfig.defaults().withEpochs(1).withOptimizer(new OptimizerConfig.Sgd(0.1, 0.9));
        assertThatThrownBy(() -> dl4j.trainer().fit(TrainingJob.of(ModelSpec.mlp(), head, momentum)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("momentum 0.9");
    }

    private void assertTrainsLikeTheReference(ModelSpec spec, TrainingConfig config) {
        try (Model ours = dl4j.trainer().fit(TrainingJob.of(spec, head, config)).model();
                Model theirs = reference.trainer().fit(TrainingJob.of(spec, head, config)).model()) {
            float worst = 0;
            for (var t : ours.weights().tensors()) {
                float[] a = t.data();
                float[] b = theirs.weights().get(t.name()).data();
                for (int i = 0; i < a.length; i++) {
                    worst = Math.max(worst, Math.abs(a[i] - b[i]));
                }
            }
            assertThat(worst).as("largest weight difference").isLessThanOrEqualTo(1e-5f);
            assertThat(ours.weights()).isNotEqualTo(Initializers.glorotUniform(spec, config.seed()));
        }
    }

    private static Provenance provenance() {
        return Provenance.now("test", "0", TrainingConfig.defaults(), "synthetic", "unknown", Map.of(), true, 1);
    }
}
