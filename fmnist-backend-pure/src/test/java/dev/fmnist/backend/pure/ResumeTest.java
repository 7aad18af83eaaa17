package dev.fmnist.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras's {@code initial_epoch} on the pure backend: 2 epochs, saved to a model file, then resumed from
 * that file up to epoch 5, give bit for bit the weights of 5 epochs straight with the same seed.
 */
class ResumeTest {
    private final Backend backend = new PureBackendProvider().create();
    private final Dataset train = SyntheticData.train();

    static Stream<OptimizerConfig> optimizers() {
        return Stream.of(OptimizerConfig.Adam.keras(), OptimizerConfig.AdamW.keras().withAmsgrad(true),
                new OptimizerConfig.Sgd(0.05, 0.9, true, 0), OptimizerConfig.RmsProp.keras());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void twoEpochsThenThreeMoreEqualFiveStraight(OptimizerConfig optimizer, @TempDir Path dir) {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(5).withOptimizer(optimizer)
                .withValidationSplit(0.1).withAugment(true).withSeed(9);
        TrainingResult straight = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config));
        TrainingResult first = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config.withEpochs(2)));
        Path file = dir.resolve("two.fmnist");
        ModelFile.write(file, SavedModel.of(first.model(), first));
        SavedModel saved = ModelFile.read(file);
        TrainingResult resumed = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config)
                .resumingFrom(saved.resumePoint()));
        assertThat(resumed.model().weights()).isEqualTo(straight.model().weights());
        assertThat(resumed.optimizerState()).isEqualTo(straight.optimizerState());
        assertThat(resumed.history().epochs()).hasSize(5);
        assertThat(resumed.history().last().validationLoss()).isEqualTo(straight.history().last().validationLoss());
        straight.model().close();
        first.model().close();
        resumed.model().close();
    }

    @org.junit.jupiter.api.Test
    void theLayerEngineResumesBitForBitToo(@TempDir Path dir) {
        ModelSpec cnn = ModelSpec.preset("cnn");
        Dataset small = SyntheticData.blobs("synthetic/cnn", 160, 3);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(3).withValidationSplit(0.2).withAugment(true)
                .withOptimizer(OptimizerConfig.AdamW.keras());
        TrainingResult straight = backend.trainer().fit(TrainingJob.of(cnn, small, config));
        TrainingResult first = backend.trainer().fit(TrainingJob.of(cnn, small, config.withEpochs(1)));
        Path file = dir.resolve("one.fmnist");
        ModelFile.write(file, SavedModel.of(first.model(), first));
        TrainingResult resumed = backend.trainer().fit(TrainingJob.of(cnn, small, config)
                .resumingFrom(ModelFile.read(file).resumePoint()));
        assertThat(resumed.model().weights()).isEqualTo(straight.model().weights());
        assertThat(resumed.optimizerState()).isEqualTo(straight.optimizerState());
        straight.model().close();
        first.model().close();
        resumed.model().close();
    }
}
