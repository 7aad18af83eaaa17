package dev.fmnist.backend.tf;

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

/** The tutorial's result on the real data: 5 epochs of the mlp at batch 32 with Adam reach 87% test accuracy. */
class RealDataAccuracyTest {

    @Test
    void fiveEpochsOfTheMlpReachTheTutorialsAccuracy() {
        FashionMnist data = RealData.orSkip();
        TrainingConfig config = TrainingConfig.defaults();
        try (Backend backend = new TfBackendProvider().create()) {
            TrainingResult result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), data.train(), config));
            try (Model model = result.model()) {
                Evaluation test = Evaluator.evaluate(model, data.test(), 1000);
                System.out.printf("tf backend, 5 epochs: train loss %.4f, train accuracy %.4f, test accuracy %.4f%n",
                        result.history().last().loss(), result.history().last().accuracy(), test.accuracy());
                assertThat(result.history().epochs()).hasSize(5);
                assertThat(result.history().epochs().get(0).loss()).as("first epoch's loss (Keras: about 0.50)")
                        .isBetween(0.45, 0.55);
                assertThat(test.accuracy()).as("test accuracy").isGreaterThanOrEqualTo(0.87);
            }
        }
    }
}
