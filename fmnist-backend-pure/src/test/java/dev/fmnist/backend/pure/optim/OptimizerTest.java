package dev.fmnist.backend.pure.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimizerTest {

    private static Kernels kernels(boolean vector) {
        return vector ? KernelSelector.vectorOrScalar() : KernelSelector.scalar();
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {false, true})
    void adamMatchesHandComputedKerasSteps(boolean vector) {
        // 17 parameters so the vector kernel's main loop and its scalar tail both run.
        int n = 17;
        Optimizer adam = Optimizer.create(OptimizerConfig.Adam.keras(), new int[] {n}, kernels(vector));
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        float[] g = new float[n];

        java.util.Arrays.fill(g, 0.5f);
        adam.beginStep();
        adam.update(0, w, 0, g, 0, n);
        // t=1: m=0.05, v=0.00025, alpha=1e-3*sqrt(0.001)/0.1=3.1623e-4, w=1-alpha*m/(sqrt(v)+1e-7)
        for (float x : w) {
            assertThat(x).isCloseTo(0.9990000063f, within(1e-7f));
        }

        java.util.Arrays.fill(g, -0.25f);
        adam.beginStep();
        adam.update(0, w, 0, g, 0, n);
        // t=2: m=0.02, v=0.00031225, alpha=2.3532e-4
        for (float x : w) {
            assertThat(x).isCloseTo(0.9987336708f, within(1e-7f));
        }
        assertThat(adam.steps()).isEqualTo(2);
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {false, true})
    void sgdWithMomentumAccumulatesVelocity(boolean vector) {
        int n = 19;
        Optimizer sgd = Optimizer.create(new OptimizerConfig.Sgd(0.1, 0.9), new int[] {n}, kernels(vector));
        float[] w = new float[n];
        float[] g = new float[n];
        java.util.Arrays.fill(g, 1f);
        sgd.beginStep();
        sgd.update(0, w, 0, g, 0, n); // vel = -0.1, w = -0.1
        sgd.beginStep();
        sgd.update(0, w, 0, g, 0, n); // vel = 0.9*-0.1 - 0.1 = -0.19, w = -0.29
        for (float x : w) {
            assertThat(x).isCloseTo(-0.29f, within(1e-6f));
        }
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {false, true})
    void updatesOnlyTheGivenSlice(boolean vector) {
        Optimizer adam = Optimizer.create(OptimizerConfig.Adam.keras(), new int[] {64}, kernels(vector));
        float[] w = new float[64];
        float[] g = new float[16];
        java.util.Arrays.fill(g, 1f);
        adam.beginStep();
        adam.update(0, w, 16, g, 0, 16);
        for (int i = 0; i < 64; i++) {
            if (i >= 16 && i < 32) {
                assertThat(w[i]).as("w[%d]", i).isLessThan(0f);
            } else {
                assertThat(w[i]).as("w[%d]", i).isZero();
            }
        }
    }
}
