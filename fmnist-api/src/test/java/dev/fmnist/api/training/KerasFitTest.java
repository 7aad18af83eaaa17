package dev.fmnist.api.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared loop's Keras behaviours, on the scalar reference backend: split, resume, listeners' control. */
class KerasFitTest {
    static final ModelSpec TINY = new ModelSpec("tiny", List.of(new LayerSpec.Flatten(),
            new LayerSpec.Dense(16, Activation.RELU), new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
    static final Dataset DATA = SyntheticData.blobs("synthetic/small", 300, 5);
    static final TrainingConfig CONFIG = TrainingConfig.defaults().withEpochs(5).withBatchSize(16).withSeed(3);

    private final Backend backend = new FakeBackendProvider().create();

    private TrainingResult fit(TrainingJob job) {
        return backend.trainer().fit(job);
    }

    @Test
    void validationSplitHoldsOutTheLastImagesBeforeShuffling() {
        List<Integer> seen = new ArrayList<>();
        TrainingConfig config = CONFIG.withEpochs(1).withValidationSplit(0.2);
        TrainingResult r = fit(TrainingJob.of(TINY, DATA, config).withListener(new TrainingListener() {
            @Override
            public void onEpochStart(int epoch, int epochs, int batches) {
                seen.add(batches);
            }
        }));
        assertThat(config.trainingImages(300)).isEqualTo(240);
        assertThat(seen).containsExactly(15); // 240 / 16
        EpochStats e = r.history().last();
        assertThat(e.samples()).isEqualTo(240);
        assertThat(e.hasValidation()).isTrue();
        // The validation metrics are those of the last 60 images, evaluated after the epoch.
        double expected = dev.fmnist.api.eval.Evaluator.evaluate(r.model(), DATA.slice(240, 300), 1000).accuracy();
        assertThat(e.validationAccuracy()).isEqualTo(expected);
        r.model().close();
    }

    @Test
    void resumingAfterTwoEpochsGivesTheWeightsOfFiveStraight(@TempDir Path dir) {
        TrainingConfig config = CONFIG.withValidationSplit(0.1).withAugment(true);
        TrainingResult straight = fit(TrainingJob.of(TINY, DATA, config));
        TrainingResult first = fit(TrainingJob.of(TINY, DATA, config.withEpochs(2)));
        Path file = dir.resolve("two.fmnist");
        ModelFile.write(file, SavedModel.of(first.model(), first));
        SavedModel saved = ModelFile.read(file);
        assertThat(saved.optimizer().iterations()).isEqualTo(2 * 17); // 270 images in batches of 16
        TrainingResult resumed = fit(TrainingJob.of(TINY, DATA, config).resumingFrom(saved.resumePoint()));
        assertThat(resumed.model().weights()).isEqualTo(straight.model().weights());
        assertThat(resumed.history().epochs()).extracting(EpochStats::epoch).containsExactly(1, 2, 3, 4, 5);
        assertThat(resumed.history().last().loss()).isEqualTo(straight.history().last().loss());
        assertThat(resumed.optimizerState().iterations()).isEqualTo(5 * 17);
    }

    @Test
    void resumingRefusesWhenNoEpochsAreLeft() {
        TrainingResult two = fit(TrainingJob.of(TINY, DATA, CONFIG.withEpochs(2)));
        ResumePoint point = new ResumePoint(two.model().weights(), two.optimizerState(), two.history());
        assertThatThrownBy(() -> fit(TrainingJob.of(TINY, DATA, CONFIG.withEpochs(2)).resumingFrom(point)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already trained 2 epoch(s)");
    }

    @Test
    void resumingRefusesAnotherOptimizersState() {
        TrainingResult two = fit(TrainingJob.of(TINY, DATA, CONFIG.withEpochs(2)));
        ResumePoint point = new ResumePoint(two.model().weights(), two.optimizerState(), two.history());
        TrainingConfig sgd = CONFIG.withOptimizer(OptimizerConfig.Sgd.keras());
        assertThatThrownBy(() -> fit(TrainingJob.of(TINY, DATA, sgd).resumingFrom(point)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("adam");
    }

    @Test
    void aListenerCanStopChangeTheRateAndRestoreWeights() {
        List<dev.fmnist.api.model.Weights> atEpoch = new ArrayList<>();
        TrainingListener steer = new TrainingListener() {
            TrainingControl control;

            @Override
            public void attach(TrainingControl c) {
                control = c;
            }

            @Override
            public void onEpochEnd(EpochStats stats) {
                atEpoch.add(control.weights());
                control.setLearningRate(control.learningRate() / 2);
                if (stats.epoch() == 3) {
                    control.stopTraining();
                }
            }

            @Override
            public void onFitEnd(History history) {
                control.setWeights(atEpoch.get(0));
            }
        };
        TrainingResult r = fit(TrainingJob.of(TINY, DATA, CONFIG).withListener(steer));
        assertThat(r.complete()).isTrue();
        assertThat(r.history().epochs()).hasSize(3);
        assertThat(r.history().stoppedEpoch()).isEqualTo(3);
        assertThat(r.history().epochs()).extracting(EpochStats::learningRate)
                .containsExactly(1e-3, 5e-4, 2.5e-4);
        assertThat(r.optimizerState().learningRate()).isEqualTo(1.25e-4);
        assertThat(r.model().weights()).isEqualTo(atEpoch.get(0));
        assertThat(r.model().provenance().epochsCompleted()).isEqualTo(3);
    }
}
