package dev.fmnist.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.RealData;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Convolutional networks on the real data: the cnn preset, and one epoch of a BatchNormalization and Dropout network. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CnnRealDataAccuracyTest {
    /** A small network with BatchNormalization and Dropout (also the DL4J module's CI network). */
    static final ModelSpec BN_DROPOUT = new ModelSpec("cnn-bn-dropout", Shape.IMAGE, List.of(
            new LayerSpec.Conv2D(16, Size2D.square(3), Size2D.square(1), Padding.SAME, Activation.LINEAR, false),
            new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(), new LayerSpec.MaxPooling2D(2),
            new LayerSpec.Conv2D(32, Size2D.square(3), Size2D.square(2), Padding.SAME, Activation.RELU, true),
            new LayerSpec.Flatten(), new LayerSpec.Dropout(0.25), new LayerSpec.Dense(64, Activation.RELU),
            new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));

    private FashionMnist data;
    private Backend backend;

    @BeforeAll
    void start() {
        data = RealData.orSkip();
        backend = new TfBackendProvider().create();
    }

    @AfterAll
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void theCnnPresetReachesNinetyOnePercent() {
        assertReaches(ModelSpec.cnn(), TrainingConfig.defaults().withEpochs(ModelSpec.CNN_EPOCHS), 0.91);
    }

    @Test
    void oneEpochWithBatchNormalizationAndDropoutReachesEightyFivePercent() {
        assertReaches(BN_DROPOUT, TrainingConfig.defaults().withEpochs(1), 0.85);
    }

    private void assertReaches(ModelSpec spec, TrainingConfig config, double target) {
        TrainingResult result = backend.trainer().fit(TrainingJob.of(spec, data.train(), config));
        try (Model model = result.model()) {
            double accuracy = Evaluator.evaluate(model, data.test(), 1000).accuracy();
            System.out.printf("tf backend, %s, %d epochs: %.1f s/epoch (last), test accuracy %.4f%n", spec.name(),
                    config.epochs(), result.history().last().nanos() / 1e9, accuracy);
            assertThat(accuracy).as(spec.name() + " test accuracy").isGreaterThanOrEqualTo(target);
        }
    }
}
