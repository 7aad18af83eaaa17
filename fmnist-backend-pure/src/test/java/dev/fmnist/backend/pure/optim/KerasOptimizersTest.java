package dev.fmnist.backend.pure.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.testing.ReferenceOptimizer;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer of the pure backend against the API's reference computation of Keras's formulas, bit
 * for bit: two tensors (one of 19 floats, so vector loops and their tails both run), eight steps of
 * random gradients, the learning rate changed half-way, and the state exported, re-imported into a fresh
 * optimizer and continued.
 */
class KerasOptimizersTest {
    static Stream<Arguments> optimizers() {
        return Stream.of(OptimizerConfig.Sgd.keras(), new OptimizerConfig.Sgd(0.05, 0.9),
                new OptimizerConfig.Sgd(0.05, 0.9, true, 0), new OptimizerConfig.Sgd(0.05, 0.8, false, 0.01),
                OptimizerConfig.Adam.keras(), OptimizerConfig.Adam.keras().withAmsgrad(true),
                OptimizerConfig.AdamW.keras(), OptimizerConfig.AdamW.keras().withAmsgrad(true),
                OptimizerConfig.RmsProp.keras(), new OptimizerConfig.RmsProp(1e-3, 0.8, 0.5, 1e-7, true, 0.004))
                .flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    @ParameterizedTest(name = "{0} vector={1}")
    @MethodSource("optimizers")
    void matchesTheReferenceBitForBit(OptimizerConfig config, boolean vector) {
        Kernels kernels = vector ? KernelSelector.vectorOrScalar() : KernelSelector.scalar();
        int[] sizes = {19, 3};
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("a/kernel", new int[] {19});
        shapes.put("a/bias", new int[] {3});
        List<SlotLayout> layouts = List.of(new SlotLayout("a/kernel", new int[] {19}, 1, 19, 19),
                new SlotLayout("a/bias", new int[] {3}, 1, 3, 3));
        Optimizer pure = Optimizer.create(config, sizes, kernels);
        ReferenceOptimizer reference = new ReferenceOptimizer(config, shapes);
        SplittableRandom random = new SplittableRandom(5);
        float[][] w = {randoms(random, 19), randoms(random, 3)};
        float[][] expected = {w[0].clone(), w[1].clone()};
        for (int step = 0; step < 8; step++) {
            if (step == 4) {
                pure.setLearningRate(config.learningRate() / 3);
                reference.setLearningRate(config.learningRate() / 3);
                // Resume half-way: a fresh optimizer from the exported state.
                OptimizerState state = StateTransfer.export(config.name(), pure, layouts);
                assertThat(state).isEqualTo(reference.state());
                pure = Optimizer.create(config, sizes, kernels);
                StateTransfer.restore(config.name(), pure, layouts, state);
            }
            float[][] g = {randoms(random, 19), randoms(random, 3)};
            pure.beginStep();
            pure.update(0, w[0], 0, g[0], 0, 10);
            pure.update(0, w[0], 10, g[0], 10, 9); // in two slices, as threads do
            pure.update(1, w[1], 0, g[1], 0, 3);
            reference.step(List.of(expected[0], expected[1]), List.of(g[0], g[1]));
            assertThat(w[0]).as("step %d", step).isEqualTo(expected[0]);
            assertThat(w[1]).as("step %d", step).isEqualTo(expected[1]);
        }
        assertThat(pure.steps()).isEqualTo(8);
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return out;
    }
}
