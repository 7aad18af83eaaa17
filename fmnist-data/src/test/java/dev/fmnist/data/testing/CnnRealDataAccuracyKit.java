package dev.fmnist.data.testing;

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
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.data.FashionMnist;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Convolutional networks on the real data, the same for every backend: the cnn preset for its
 * {@link ModelSpec#CNN_EPOCHS} epochs, and one epoch of a small BatchNormalization and Dropout network.
 * Skipped when the real files are absent ({@link RealData#orSkip()}). A backend module extends this class
 * in its tests and returns its provider; a backend too slow for CI to train the preset makes that run
 * opt-in with {@link #presetRunEnabled()} and {@link #presetRunSkipMessage()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CnnRealDataAccuracyKit {
    /** A small network with BatchNormalization and Dropout (the one every backend trains in CI). */
    static final ModelSpec BN_DROPOUT = new ModelSpec("cnn-bn-dropout", Shape.IMAGE, List.of(
            new LayerSpec.Conv2D(16, Size2D.square(3), Size2D.square(1), Padding.SAME, Activation.LINEAR, false),
            new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(), new LayerSpec.MaxPooling2D(2),
            new LayerSpec.Conv2D(32, Size2D.square(3), Size2D.square(2), Padding.SAME, Activation.RELU, true),
            new LayerSpec.Flatten(), new LayerSpec.Dropout(0.25), new LayerSpec.Dense(64, Activation.RELU),
            new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));

    private FashionMnist data;
    private Backend backend;
    private String backendName;

    /** The provider under test. */
    protected abstract BackendProvider provider();

    /** Whether {@link #theCnnPresetReachesNinetyOnePercent} trains; when not, it is skipped. */
    protected boolean presetRunEnabled() {
        return true;
    }

    /** Why the preset's run is skipped when {@link #presetRunEnabled()} is false, and how to enable it. */
    protected String presetRunSkipMessage() {
        return "the cnn preset's run is not enabled for this backend";
    }

    @BeforeAll
    void start() {
        data = RealData.orSkip();
        BackendProvider provider = provider();
        backendName = provider.name();
        backend = provider.create();
    }

    @AfterAll
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void theCnnPresetReachesNinetyOnePercent() {
        Assumptions.assumeTrue(presetRunEnabled(), presetRunSkipMessage());
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
            System.out.printf("%s backend, %s, %d epochs: %.1f s/epoch (last), test accuracy %.4f%n", backendName,
                    spec.name(), config.epochs(), result.history().last().nanos() / 1e9, accuracy);
            assertThat(accuracy).as(spec.name() + " test accuracy").isGreaterThanOrEqualTo(target);
        }
    }
}
