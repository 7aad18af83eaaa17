package dev.fmnist.api.training;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.InMemoryDataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.testing.SyntheticData;
import org.junit.jupiter.api.Test;

/** Training on, validating on or evaluating on a data set of no images is an input error. */
class EmptyDataTest {
    private static final Dataset EMPTY = new InMemoryDataset("empty", new byte[0], new byte[0]);

    @Test
    void aJobNeedsTrainingImages() {
        assertThatThrownBy(() -> TrainingJob.of(ModelSpec.mlp(), EMPTY, TrainingConfig.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty").hasMessageContaining("no images");
    }

    @Test
    void validationNeedsImages() {
        TrainingJob job = TrainingJob.of(ModelSpec.mlp(), SyntheticData.train(), TrainingConfig.defaults());
        assertThatThrownBy(() -> job.withValidation(EMPTY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no images");
    }

    @Test
    void evaluationNeedsImages() {
        assertThatThrownBy(() -> Evaluator.evaluate(new float[0], EMPTY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no images");
        assertThatThrownBy(() -> Evaluator.evaluate((images, count, out) -> { }, EMPTY, 32))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no images");
    }
}
