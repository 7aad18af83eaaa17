package dev.fmnist.backend.pure.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.SessionTrainer;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.backend.pure.PureSession;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * Bit-for-bit reproducibility: the same seed gives the same weights whatever the number of threads,
 * and the Vector API and scalar kernels give the same weights.
 */
class DeterminismTest {
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withEpochs(1).withSeed(5);

    private static Weights train(Kernels kernels, int threads) {
        return train(ModelSpec.mlp(), kernels, threads, CONFIG);
    }

    private static Weights train(ModelSpec spec, Kernels kernels, int threads, TrainingConfig config) {
        SessionTrainer trainer = new SessionTrainer("pure", "test", dev.fmnist.backend.pure.PureBackendProvider.CAPABILITIES,
                (s, initial, c) -> new PureSession(s, initial, c, kernels));
        TrainingResult result = trainer.fit(TrainingJob.of(spec, SyntheticData.train(), config.withThreads(threads)));
        try (var model = result.model()) {
            return model.weights();
        }
    }

    @Test
    void sameWeightsWithOneTwoAndThreeThreads() {
        Kernels kernels = KernelSelector.best();
        Weights one = train(kernels, 1);
        assertThat(train(kernels, 2)).isEqualTo(one);
        assertThat(train(kernels, 3)).isEqualTo(one);
        assertThat(train(kernels, 1)).isEqualTo(one);
        assertThat(one).isNotEqualTo(dev.fmnist.api.model.Initializers.glorotUniform(ModelSpec.mlp(), 5));
    }

    @Test
    void deeperAndShallowerNetworksAndOddBatchesToo() {
        ModelSpec deep = new ModelSpec("deep", java.util.List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(40, Activation.RELU), new LayerSpec.Dense(24, Activation.LINEAR),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
        ModelSpec shallow = new ModelSpec("logistic", java.util.List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
        TrainingConfig odd = CONFIG.withBatchSize(7).withOptimizer(new OptimizerConfig.Sgd(0.05, 0.9));
        for (ModelSpec spec : java.util.List.of(deep, shallow)) {
            Weights one = train(spec, KernelSelector.best(), 1, odd);
            assertThat(train(spec, KernelSelector.best(), 2, odd)).as(spec.name()).isEqualTo(one);
            assertThat(train(spec, KernelSelector.best(), 3, odd)).as(spec.name()).isEqualTo(one);
        }
    }

    @Test
    void vectorAndScalarKernelsGiveTheSameWeights() {
        Kernels vector = KernelSelector.vectorOrScalar();
        assumeTrue(vector != KernelSelector.scalar(), "run with --add-modules jdk.incubator.vector");
        assertThat(train(vector, 2)).isEqualTo(train(KernelSelector.scalar(), 1));
    }
}
