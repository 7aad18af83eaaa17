package dev.fmnist.backend.pure.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {
    private final float[] grad = new float[3];
    private final double[] exps = new double[3];

    @Test
    void lossAndGradientOfSmallLogits() {
        float[] z = {1f, 2f, 3f};
        double loss = SoftmaxCrossEntropy.lossAndGradient(z, 0, 3, 0, 0.5, grad, 0, exps);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(loss).isCloseTo(Math.log(sum) - 1, within(1e-6));
        assertThat(grad[0]).isCloseTo((float) ((Math.exp(1) / sum - 1) * 0.5), within(1e-7f));
        assertThat(grad[2]).isCloseTo((float) (Math.exp(3) / sum * 0.5), within(1e-7f));
    }

    @Test
    void hugeLogitsStayFinite() {
        float[] z = {1000f, -1000f, 999f};
        double loss = SoftmaxCrossEntropy.lossAndGradient(z, 0, 3, 2, 1, grad, 0, exps);
        assertThat(loss).isCloseTo(Math.log1p(Math.exp(-1)) + 1, within(1e-6));
        float[] p = new float[3];
        SoftmaxCrossEntropy.probabilities(z, 0, 3, p, 0, exps);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void nanOrInfiniteLogitsGiveNanLoss() {
        assertThat(SoftmaxCrossEntropy.lossAndGradient(new float[] {Float.NaN, 1f, 2f}, 0, 3, 1, 1, grad, 0, exps))
                .isNaN();
        assertThat(SoftmaxCrossEntropy.lossAndGradient(new float[] {1f, 2f, Float.NaN}, 0, 3, 1, 1, grad, 0, exps))
                .isNaN();
        assertThat(SoftmaxCrossEntropy.lossAndGradient(new float[] {Float.POSITIVE_INFINITY, 1f, 2f}, 0, 3, 1, 1,
                grad, 0, exps)).isNaN();
    }
}
