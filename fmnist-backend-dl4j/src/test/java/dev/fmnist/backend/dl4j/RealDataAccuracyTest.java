package dev.fmnist.backend.dl4j;

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

/** The accuracy target on the real data: the tutorial's network, 5 epochs at batch 32. */
class RealDataAccuracyTest {

    @Test
    void fiveEpochsOfTheMlpReachTheTarget() {
        FashionMnist data = RealData.orSkip();
        try (Backend backend = new Dl4jBackendProvider().create()) {
            TrainingResult result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), data.train(),
                    TrainingConfig.defaults()));
            try (Model model = result.model()) {
                Evaluation test = Evaluator.evaluate(model, data.test(), 1000);
                assertThat(result.complete()).isTrue();
                assertThat(result.history().epochs()).hasSize(5);
                assertThat(test.accuracy()).as("test accuracy").isGreaterThanOrEqualTo(0.87);
            }
        }
    }
}
