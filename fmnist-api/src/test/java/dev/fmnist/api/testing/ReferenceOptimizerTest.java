package dev.fmnist.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fmnist.api.config.OptimizerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference optimizers against Keras's formulas worked by hand (in double; float rounding aside). */
class ReferenceOptimizerTest {

    private static float[] run(OptimizerConfig config, float w0, float... gradients) {
        Map<String, int[]> shape = new LinkedHashMap<>();
        shape.put("p", new int[] {1});
        ReferenceOptimizer opt = new ReferenceOptimizer(config, shape);
        float[] w = {w0};
        for (float g : gradients) {
            opt.step(List.of(w), List.of(new float[] {g}));
        }
        return w;
    }

    @Test
    void sgdPlainMomentumAndNesterov() {
        assertThat(run(OptimizerConfig.Sgd.keras(), 1f, 2f)[0]).isCloseTo(1 - 0.02f, within(1e-7f));
        // m1 = -0.1, w = 0.9; m2 = 0.9*-0.1 - 0.1 = -0.19, w = 0.71
        assertThat(run(new OptimizerConfig.Sgd(0.1, 0.9), 1f, 1f, 1f)[0]).isCloseTo(0.71f, within(1e-6f));
        // Nesterov: w += mu*m - lr*g: step 1: 0.9*-0.1 - 0.1 = -0.19; step 2: 0.9*-0.19 - 0.1 = -0.271
        assertThat(run(new OptimizerConfig.Sgd(0.1, 0.9, true, 0), 1f, 1f, 1f)[0])
                .isCloseTo(1 - 0.19f - 0.271f, within(1e-6f));
    }

    @Test
    void weightDecayShrinksBeforeTheUpdate() {
        // w = 1 - 1*0.5*0.1 = 0.95, then -= 0.1*2
        assertThat(run(new OptimizerConfig.Sgd(0.1, 0, false, 0.5), 1f, 2f)[0]).isCloseTo(0.75f, within(1e-6f));
        // AdamW step 1: 1 - 1*0.004*0.001, then Adam's first step is -lr*sign(g) (up to epsilon)
        assertThat(run(OptimizerConfig.AdamW.keras(), 1f, 3f)[0]).isCloseTo(1 - 0.000004f - 0.001f, within(1e-7f));
    }

    @Test
    void adamAndAmsgrad() {
        // g = 1 then 0.01: v falls at step 2, so AMSGrad keeps step 1's v
        double m = 0, v = 0, w = 1;
        double vHat = 0;
        double wAms = 1;
        double[] gs = {1, 0.01};
        for (int t = 1; t <= 2; t++) {
            double g = gs[t - 1];
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            vHat = Math.max(vHat, v);
            double alpha = 1e-3 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            w -= alpha * m / (Math.sqrt(v) + 1e-7);
            wAms -= alpha * m / (Math.sqrt(vHat) + 1e-7);
        }
        assertThat(run(OptimizerConfig.Adam.keras(), 1f, 1f, 0.01f)[0]).isCloseTo((float) w, within(1e-6f));
        assertThat(run(OptimizerConfig.Adam.keras().withAmsgrad(true), 1f, 1f, 0.01f)[0])
                .isCloseTo((float) wAms, within(1e-6f));
        assertThat(wAms - w).isGreaterThan(2e-7);
        assertThat(run(OptimizerConfig.Adam.keras().withAmsgrad(true), 1f, 1f, 0.01f)[0])
                .isNotEqualTo(run(OptimizerConfig.Adam.keras(), 1f, 1f, 0.01f)[0]);
    }

    @Test
    void rmspropPlainCenteredAndWithMomentum() {
        // v = 0.1*4 = 0.4; w -= 0.001*2/sqrt(0.4 + 1e-7)
        double step = 0.001 * 2 / Math.sqrt(0.4 + 1e-7);
        assertThat(run(OptimizerConfig.RmsProp.keras(), 1f, 2f)[0]).isCloseTo((float) (1 - step), within(1e-7f));
        // centered: a = 0.2, denominator = 0.4 - 0.04 + 1e-7
        double centered = 0.001 * 2 / Math.sqrt(0.36 + 1e-7);
        assertThat(run(new OptimizerConfig.RmsProp(1e-3, 0.9, 0, 1e-7, true, 0), 1f, 2f)[0])
                .isCloseTo((float) (1 - centered), within(1e-7f));
        // momentum 0.5, two equal gradients: mom1 = inc1, mom2 = 0.5*inc1 + inc2
        double v1 = 0.4;
        double inc1 = 0.001 * 2 / Math.sqrt(v1 + 1e-7);
        double v2 = 0.9 * v1 + 0.4;
        double inc2 = 0.001 * 2 / Math.sqrt(v2 + 1e-7);
        assertThat(run(new OptimizerConfig.RmsProp(1e-3, 0.9, 0.5, 1e-7, false, 0), 1f, 2f, 2f)[0])
                .isCloseTo((float) (1 - inc1 - (0.5 * inc1 + inc2)), within(1e-6f));
    }
}
