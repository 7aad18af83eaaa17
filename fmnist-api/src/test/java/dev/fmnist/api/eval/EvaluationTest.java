package dev.fmnist.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.InMemoryDataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Predictor;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    @Test
    void computesAccuracyLossAndPerClassMetrics() {
        // Four images labelled 0, 0, 1, 2; a predictor that says class 0 for everything with p = 0.5.
        InMemoryDataset data = new InMemoryDataset("d", new byte[4 * Images.PIXELS], new byte[] {0, 0, 1, 2});
        Predictor saysClassZero = (images, count, out) -> {
            for (int i = 0; i < count; i++) {
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    out[i * 10 + c] = c == 0 ? 0.5f : 0.5f / 9;
                }
            }
        };
        Evaluation e = Evaluator.evaluate(saysClassZero, data, 3);
        // The same from probabilities predicted beforehand.
        Evaluation fromProbabilities = Evaluator.evaluate(saysClassZero.predict(new float[4 * Images.PIXELS], 4), data);
        assertThat(fromProbabilities.loss()).isEqualTo(e.loss());
        assertThat(fromProbabilities.confusion()).isDeepEqualTo(e.confusion());
        assertThatThrownBy(() -> Evaluator.evaluate(new float[30], data))
                .isInstanceOf(dev.fmnist.api.error.InvalidInputException.class).hasMessageContaining("4 images");
        assertThat(e.count()).isEqualTo(4);
        assertThat(e.accuracy()).isEqualTo(0.5);
        double expectedLoss = (2 * -Math.log(0.5) + 2 * -Math.log(0.5f / 9)) / 4;
        assertThat(e.loss()).isCloseTo(expectedLoss, within(1e-6));
        assertThat(e.confusion()[0][0]).isEqualTo(2);
        assertThat(e.confusion()[1][0]).isEqualTo(1);
        ClassMetrics c0 = e.perClass().get(0);
        assertThat(c0.precision()).isEqualTo(0.5);
        assertThat(c0.recall()).isEqualTo(1.0);
        assertThat(c0.f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(e.perClass().get(1).f1()).isZero();
        String table = e.toTable();
        assertThat(table).contains("Accuracy: 0.5000").contains("T-shirt/top").contains("Ankle boot")
                .contains("Confusion matrix");
        assertThat(e.toJson()).containsKeys("accuracy", "per_class", "confusion");
    }
}
