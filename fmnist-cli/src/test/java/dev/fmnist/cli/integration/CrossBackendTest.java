package dev.fmnist.cli.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.ResumePoint;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * All three backends in one JVM, reached only through the SPI: the native ones (DL4J and TensorFlow,
 * which need the javacpp pin to coexist) both train, and a model file written by any backend predicts
 * the same on every other (within 1e-4), for the tutorial's network and for convolutional networks with
 * every layer type (each backend trains those it can run, and every backend that can run them evaluates
 * them to the same accuracy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossBackendTest {
    private static final List<String> BACKENDS = List.of("pure", "dl4j", "tf");
    private static final float TOLERANCE = 1e-4f;

    private final Dataset train = SyntheticData.train();
    private final Dataset test = SyntheticData.test();
    private BackendRegistry registry;

    @BeforeAll
    void load() {
        registry = BackendRegistry.load();
        assertThat(registry.names()).containsAll(BACKENDS);
    }

    @AfterAll
    void close() {
        registry.close();
    }

    /** Convolutional networks that between them use every layer type and padding. */
    private static final List<ModelSpec> CNNS = List.of(
            new ModelSpec("cnn-bn-dropout", Shape.IMAGE, List.of(
                    new LayerSpec.Conv2D(6, new Size2D(3, 3), Size2D.square(2), Padding.SAME, Activation.LINEAR, false),
                    new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(),
                    new LayerSpec.MaxPooling2D(Size2D.square(2), Size2D.square(2), Padding.SAME),
                    LayerSpec.Conv2D.same(8, 3, Activation.RELU), new LayerSpec.Dropout(0.25),
                    new LayerSpec.AveragePooling2D(Size2D.square(2), Size2D.square(2), Padding.VALID),
                    new LayerSpec.Flatten(), new LayerSpec.Dense(24, Activation.RELU), new LayerSpec.Dropout(0.3),
                    new LayerSpec.Dense(FashionClass.COUNT, Activation.LINEAR), new LayerSpec.Softmax())),
            new ModelSpec("cnn-global-pooling", Shape.IMAGE, List.of(
                    new LayerSpec.Conv2D(8, 5, Activation.TANH), new LayerSpec.MaxPooling2D(2),
                    new LayerSpec.BatchNormalization(-1, 0.9, 1e-5, false, false),
                    new LayerSpec.ActivationLayer(Activation.RELU), new LayerSpec.GlobalAveragePooling2D(),
                    new LayerSpec.BatchNormalization(), new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX))));

    private TrainingResult trainOn(String name) {
        return trainOn(name, ModelSpec.mlp());
    }

    private TrainingResult trainOn(String name, ModelSpec spec) {
        Backend backend = registry.backend(name);
        return backend.trainer().fit(TrainingJob.of(spec, train,
                TrainingConfig.defaults().withEpochs(1).withSeed(3)));
    }

    private List<String> backendsRunning(ModelSpec spec) {
        return BACKENDS.stream().filter(b -> registry.backend(b).capabilities().supports(spec)).toList();
    }

    @Test
    void theNativeBackendsRunEveryLayerTypeOfTheConvolutionalNetworks() {
        for (ModelSpec spec : CNNS) {
            assertThat(backendsRunning(spec)).as(spec.name()).contains("dl4j", "tf");
        }
    }

    /**
     * The same initial weights, batches and dropout masks give the same training on DL4J and TensorFlow: the
     * weights (conv kernels, BatchNormalization's moving statistics, the kernel after the flatten) agree after
     * an epoch, up to float rounding.
     */
    @Test
    void convolutionalNetworksTrainAlikeOnEveryBackend() {
        for (ModelSpec spec : CNNS) {
            List<String> names = backendsRunning(spec);
            Weights first = null;
            for (String name : names) {
                try (Model model = trainOn(name, spec).model()) {
                    Weights w = model.weights();
                    if (first == null) {
                        first = w;
                        continue;
                    }
                    for (var t : w.tensors()) {
                        float[] a = t.data();
                        float[] b = first.get(t.name()).data();
                        float worst = 0;
                        for (int i = 0; i < a.length; i++) {
                            worst = Math.max(worst, Math.abs(a[i] - b[i]));
                        }
                        assertThat(worst).as("%s %s on %s vs %s", spec.name(), t.name(), name, names.get(0))
                                .isLessThanOrEqualTo(2e-3f);
                    }
                }
            }
        }
    }

    /**
     * Optimizer state is portable for convolutional networks too: each backend continues another's first
     * epoch (Adam's moments of conv kernels and BatchNormalization's gamma and beta, moving statistics in the
     * weights) and ends where its own two straight epochs end, up to float rounding.
     */
    @Test
    void everyBackendResumesAnotherBackendsConvolutionalRun() {
        ModelSpec spec = CNNS.get(0);
        List<String> names = backendsRunning(spec);
        assertThat(names).containsAll(BACKENDS);
        TrainingConfig two = TrainingConfig.defaults().withEpochs(2).withSeed(3);
        for (String source : names) {
            TrainingResult first = trainOn(source, spec);
            assertThat(first.optimizerState()).as(source + "'s exported state").isNotNull();
            assertThat(first.optimizerState().slots()).as(source + "'s exported state").isNotEmpty();
            ResumePoint point = new ResumePoint(first.model().weights(), first.optimizerState(), first.history());
            first.model().close();
            for (String target : names) {
                if (target.equals(source)) {
                    continue;
                }
                Backend backend = registry.backend(target);
                try (Model straight = backend.trainer().fit(TrainingJob.of(spec, train, two)).model();
                        Model resumed = backend.trainer().fit(TrainingJob.of(spec, train, two).resumingFrom(point))
                                .model()) {
                    for (var t : straight.weights().tensors()) {
                        float[] a = resumed.weights().get(t.name()).data();
                        float[] b = t.data();
                        float worst = 0;
                        for (int i = 0; i < a.length; i++) {
                            worst = Math.max(worst, Math.abs(a[i] - b[i]));
                        }
                        assertThat(worst).as("%s: %s's state resumed on %s", t.name(), source, target)
                                .isLessThanOrEqualTo(2e-3f);
                    }
                }
            }
        }
    }

    /** A CNN trained on any backend evaluates on every other to the same accuracy and probabilities. */
    @Test
    void convolutionalModelFilesPredictTheSameOnEveryBackend(@TempDir Path dir) {
        float[] images = test.scaledImages(0, test.size());
        for (ModelSpec spec : CNNS) {
            List<String> names = backendsRunning(spec);
            for (String source : names) {
                Path file = dir.resolve(spec.name() + "-" + source + ".fmnist");
                float[] expected;
                double accuracy;
                TrainingResult result = trainOn(source, spec);
                try (Model model = result.model()) {
                    expected = model.predict(images, test.size());
                    accuracy = Evaluator.evaluate(model, test, 250).accuracy();
                    ModelFile.write(file, SavedModel.of(model, result.history()));
                }
                assertThat(accuracy).as("%s trained on %s (better than chance)", spec.name(), source).isGreaterThan(0.15);
                SavedModel saved = ModelFile.read(file);
                for (String target : names) {
                    try (Model loaded = registry.backend(target).load(saved.spec(), saved.weights(),
                            saved.provenance())) {
                        float[] actual = loaded.predict(images, test.size());
                        float worst = 0;
                        for (int i = 0; i < actual.length; i++) {
                            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
                        }
                        String what = spec.name() + " from " + source + " on " + target;
                        assertThat(worst).as(what).isLessThanOrEqualTo(TOLERANCE);
                        assertThat(Evaluator.evaluate(loaded, test, 250).accuracy()).as(what)
                                .isCloseTo(accuracy, org.assertj.core.data.Offset.offset(0.001));
                    }
                }
            }
        }
    }

    @Test
    void dl4jAndTensorFlowTrainInTheSameJvm() {
        for (String name : List.of("dl4j", "tf", "dl4j")) {
            TrainingResult result = trainOn(name);
            try (Model model = result.model()) {
                assertThat(Evaluator.evaluate(model, test, 250).accuracy()).as(name).isGreaterThan(0.9);
                assertThat(model.provenance().backend()).isEqualTo(name);
            }
        }
    }

    @Test
    void everyBackendReadsEveryBackendsModelFile(@TempDir Path dir) {
        float[] images = test.scaledImages(0, 200);
        for (String source : BACKENDS) {
            Path file = dir.resolve(source + ".fmnist");
            float[] expected;
            TrainingResult result = trainOn(source);
            try (Model model = result.model()) {
                expected = model.predict(images, 200);
                ModelFile.write(file, SavedModel.of(model, result.history()));
            }
            SavedModel saved = ModelFile.read(file);
            for (String target : BACKENDS) {
                try (Model loaded = registry.backend(target).load(saved.spec(), saved.weights(), saved.provenance())) {
                    float[] actual = loaded.predict(images, 200);
                    float worst = 0;
                    for (int i = 0; i < actual.length; i++) {
                        worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
                    }
                    assertThat(worst).as("%s model on %s", source, target).isLessThanOrEqualTo(TOLERANCE);
                    assertThat(actual).hasSize(200 * FashionClass.COUNT);
                }
            }
        }
    }
}
