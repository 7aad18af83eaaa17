package dev.fmnist.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.ResumePoint;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every backend must do for Keras-style training, against the reference backend (the fake one, whose
 * optimizers are {@link dev.fmnist.api.testing.ReferenceOptimizer}): run each optimizer as Keras defines it
 * or refuse it by name, change the learning rate mid-run, and resume from its own exported state as if it
 * had never stopped. A backend module extends this class in its tests and returns its provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TrainingConformanceKit {
    /** A small network on a small set: 10 steps an epoch. */
    static final ModelSpec SMALL = new ModelSpec("small", List.of(new LayerSpec.Flatten(),
            new LayerSpec.Dense(16, Activation.RELU), new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
    static final Dataset DATA = SyntheticData.blobs("synthetic/optimizers", 200, 4);
    /** Every layer type with optimizer state or stream position: conv, batch norm, pooling, dropout, dense. */
    static final ModelSpec SMALL_CNN = new ModelSpec("small-cnn", List.of(
            LayerSpec.Conv2D.same(4, 3, Activation.RELU), new LayerSpec.BatchNormalization(),
            new LayerSpec.MaxPooling2D(2), new LayerSpec.Flatten(), new LayerSpec.Dropout(0.25),
            new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));

    private Backend backend;
    private Backend reference;

    /** The provider under test. */
    protected abstract BackendProvider provider();

    /** Largest difference allowed from the reference's weights (the pure backend's is exact in practice). */
    protected double tolerance() {
        return 1e-4;
    }

    @BeforeAll
    void open() {
        backend = provider().create();
        reference = new FakeBackendProvider().create();
    }

    @AfterAll
    void close() {
        backend.close();
        reference.close();
    }

    static Stream<OptimizerConfig> optimizers() {
        return Stream.of(new OptimizerConfig.Sgd(0.05, 0), new OptimizerConfig.Sgd(0.05, 0.9),
                new OptimizerConfig.Sgd(0.05, 0.9, true, 0), new OptimizerConfig.Sgd(0.05, 0, false, 0.5),
                OptimizerConfig.Adam.keras().withLearningRate(0.005),
                OptimizerConfig.Adam.keras().withLearningRate(0.005).withAmsgrad(true),
                OptimizerConfig.AdamW.keras().withLearningRate(0.005).withWeightDecay(0.5),
                OptimizerConfig.RmsProp.keras(), new OptimizerConfig.RmsProp(1e-3, 0.9, 0.5, 1e-7, false, 0),
                new OptimizerConfig.RmsProp(1e-3, 0.9, 0, 1e-7, true, 0));
    }

    private TrainingConfig config(OptimizerConfig optimizer, int epochs) {
        return TrainingConfig.defaults().withEpochs(epochs).withBatchSize(20).withSeed(5).withOptimizer(optimizer)
                .withThreads(1);
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void runsEachOptimizerAsKerasOrRefusesItByName(OptimizerConfig optimizer) {
        TrainingResult ours;
        try {
            ours = backend.trainer().fit(TrainingJob.of(SMALL, DATA, config(optimizer, 2)));
        } catch (UnsupportedModelException e) {
            String name = optimizer instanceof OptimizerConfig.RmsProp ? "rmsprop" : optimizer.name();
            assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains(name);
            return;
        }
        TrainingResult expected = reference.trainer().fit(TrainingJob.of(SMALL, DATA, config(optimizer, 2)));
        assertClose(ours.model().weights(), expected.model().weights());
        ours.model().close();
        expected.model().close();
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void resumesFromItsOwnStateAsIfItHadNotStopped(OptimizerConfig optimizer) {
        TrainingResult straight;
        try {
            straight = backend.trainer().fit(TrainingJob.of(SMALL, DATA, config(optimizer, 3)));
        } catch (UnsupportedModelException e) {
            return; // refused by name: checked above
        }
        TrainingResult first = backend.trainer().fit(TrainingJob.of(SMALL, DATA, config(optimizer, 1)));
        assertThat(first.optimizerState()).as("exported state").isNotNull();
        assertThat(first.optimizerState().iterations()).isEqualTo(10);
        ResumePoint point = new ResumePoint(first.model().weights(), first.optimizerState(), first.history());
        TrainingResult resumed = backend.trainer().fit(TrainingJob.of(SMALL, DATA, config(optimizer, 3))
                .resumingFrom(point));
        assertClose(resumed.model().weights(), straight.model().weights());
        assertThat(resumed.optimizerState().iterations()).isEqualTo(30);
        // The state is portable: the reference continues from it to the same place.
        TrainingResult onReference = reference.trainer().fit(TrainingJob.of(SMALL, DATA, config(optimizer, 3))
                .resumingFrom(point));
        assertClose(onReference.model().weights(), straight.model().weights());
        Stream.of(straight, first, resumed, onReference).forEach(r -> r.model().close());
    }

    static Stream<OptimizerConfig> statefulOptimizers() {
        return Stream.of(OptimizerConfig.Adam.keras().withLearningRate(0.005), new OptimizerConfig.Sgd(0.05, 0.9, true, 0));
    }

    @ParameterizedTest
    @MethodSource("statefulOptimizers")
    void resumesAConvolutionalNetworkAsIfItHadNotStopped(OptimizerConfig optimizer) {
        Assumptions.assumeTrue(backend.capabilities().supports(SMALL_CNN), "this backend runs dense stacks only");
        TrainingResult straight = backend.trainer().fit(TrainingJob.of(SMALL_CNN, DATA, config(optimizer, 3)));
        TrainingResult first = backend.trainer().fit(TrainingJob.of(SMALL_CNN, DATA, config(optimizer, 1)));
        assertThat(first.optimizerState().slots()).as("state of every trainable tensor")
                .hasSize(slotsPerTensor(optimizer) * 6);
        ResumePoint point = new ResumePoint(first.model().weights(), first.optimizerState(), first.history());
        TrainingResult resumed = backend.trainer().fit(TrainingJob.of(SMALL_CNN, DATA, config(optimizer, 3))
                .resumingFrom(point));
        assertClose(resumed.model().weights(), straight.model().weights());
        assertThat(resumed.optimizerState().iterations()).isEqualTo(30);
        Stream.of(straight, first, resumed).forEach(r -> r.model().close());
    }

    /** Keras's number of state tensors per trainable tensor: Adam's momentum and velocity, SGD's momentum (Nesterov here: DL4J has no classical momentum). */
    private static int slotsPerTensor(OptimizerConfig optimizer) {
        return optimizer instanceof OptimizerConfig.Adam ? 2 : 1;
    }

    private void assertClose(Weights actual, Weights expected) {
        for (Tensor e : expected.tensors()) {
            float[] a = actual.get(e.name()).data();
            float[] x = e.data();
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - x[i]));
            }
            assertThat(worst).as("largest difference in %s", e.name()).isLessThanOrEqualTo(tolerance());
        }
    }
}
