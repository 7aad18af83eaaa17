package dev.fmnist.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.RealData;
import org.junit.jupiter.api.Test;

/** The tutorial's result on the real data: 5 epochs at batch 32 reach Keras's accuracy. Skipped without the files. */
class RealDataAccuracyTest {

    @Test
    void fiveEpochsReachKerasAccuracy() {
        FashionMnist data = RealData.orSkip();
        try (Backend backend = new PureBackendProvider().create()) {
            TrainingResult result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), data.train(),
                    TrainingConfig.defaults()));
            try (Model model = result.model()) {
                Evaluation test = Evaluator.evaluate(model, data.test(), 1000);
                assertThat(test.accuracy()).as("test accuracy after 5 epochs").isGreaterThanOrEqualTo(0.87);
                // Keras's first epoch on this network ends near 0.50 mean loss.
                assertThat(result.history().epochs().get(0).loss()).isBetween(0.45, 0.55);
            }
        }
    }
}
