package dev.fmnist.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.TrainingDivergedException;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.BatchProgress;
import dev.fmnist.api.training.StopSignal;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingListener;
import dev.fmnist.api.training.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests every backend must pass. A backend module extends this class in its tests and returns its
 * provider; the kit trains on {@link SyntheticData} so it runs in seconds without the real dataset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformanceKit {
    /** Largest difference allowed between this backend's and the reference backend's probabilities. */
    protected static final float CROSS_BACKEND_TOLERANCE = 1e-4f;

    private Backend backend;
    private TrainingResult trained;
    private final Dataset train = SyntheticData.train();
    private final Dataset test = SyntheticData.test();

    /** The provider under test. */
    protected abstract BackendProvider provider();

    /** Whether the same seed and configuration must give identical predictions on every run. */
    protected boolean deterministic() {
        return true;
    }

    /** The training configuration the kit uses: small enough to run in seconds. */
    protected TrainingConfig kitConfig() {
        return TrainingConfig.defaults().withEpochs(3).withSeed(11);
    }

    @BeforeAll
    void trainOnce() {
        backend = provider().create();
        trained = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, kitConfig()).withValidation(test));
    }

    @AfterAll
    void closeBackend() {
        if (trained != null) {
            trained.model().close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    /** The backend under test, created once for the class. */
    protected Backend backend() {
        return backend;
    }

    @Test
    void providerDescribesItself() {
        BackendProvider p = provider();
        assertThat(p.name()).matches("[a-z0-9][a-z0-9-]*");
        assertThat(p.description()).isNotBlank();
        assertThat(p.version()).isNotBlank();
        assertThat(backend.name()).isEqualTo(p.name());
    }

    @Test
    void learnsTheSyntheticDataset() {
        Evaluation evaluation = Evaluator.evaluate(trained.model(), test, 100);
        assertThat(evaluation.accuracy()).as("test accuracy after %d epochs", kitConfig().epochs())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(trained.history().epochs()).hasSize(kitConfig().epochs());
        assertThat(trained.history().last().loss()).isLessThan(trained.history().epochs().get(0).loss());
        assertThat(trained.history().last().validationAccuracy()).isCloseTo(evaluation.accuracy(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trained.complete()).isTrue();
    }

    @Test
    void recordsProvenance() {
        var provenance = trained.model().provenance();
        assertThat(provenance.backend()).isEqualTo(provider().name());
        assertThat(provenance.config()).isEqualTo(kitConfig());
        assertThat(provenance.complete()).isTrue();
        assertThat(provenance.metrics()).containsKeys("train_loss", "train_accuracy", "validation_accuracy");
    }

    @Test
    void probabilitiesSumToOne() {
        float[] p = trained.model().predict(test.scaledImages(0, 50), 50);
        assertThat(p).hasSize(50 * FashionClass.COUNT);
        for (int i = 0; i < 50; i++) {
            double sum = 0;
            for (int c = 0; c < FashionClass.COUNT; c++) {
                float v = p[i * FashionClass.COUNT + c];
                assertThat(v).isBetween(0f, 1f);
                sum += v;
            }
            assertThat(sum).as("row %d", i).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void sameSeedGivesSamePredictions() {
        org.junit.jupiter.api.Assumptions.assumeTrue(deterministic(), "backend does not promise determinism");
        TrainingConfig config = kitConfig().withEpochs(1);
        float[] first;
        float[] second;
        try (Model a = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config)).model();
                Model b = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config)).model()) {
            first = a.predict(test.scaledImages(0, 100), 100);
            second = b.predict(test.scaledImages(0, 100), 100);
            assertThat(a.weights()).isEqualTo(b.weights());
        }
        assertThat(second).containsExactly(first);
    }

    @Test
    void saveAndLoadPredictTheSame(@TempDir Path dir) {
        Path file = dir.resolve("model.fmnist");
        ModelFile.write(file, SavedModel.of(trained.model(), trained.history()));
        SavedModel saved = ModelFile.read(file);
        assertThat(saved.history()).isEqualTo(trained.history());
        assertThat(saved.provenance().backend()).isEqualTo(provider().name());
        try (Model loaded = backend.load(saved.spec(), saved.weights(), saved.provenance())) {
            float[] images = test.scaledImages(0, 100);
            assertClose(loaded.predict(images, 100), trained.model().predict(images, 100), 1e-6f);
            assertThat(loaded.weights()).isEqualTo(trained.model().weights());
        }
    }

    @Test
    void loadingKeepsThePortableLayoutExactly() {
        Weights initial = Initializers.glorotUniform(ModelSpec.mlp(), 5);
        try (Model model = backend.load(ModelSpec.mlp(), initial, trained.model().provenance())) {
            assertThat(model.weights()).isEqualTo(initial);
        }
    }

    @Test
    void loadsTheReferenceModelFile() {
        SavedModel reference = ReferenceModel.load();
        try (Model model = backend.load(reference.spec(), reference.weights(), reference.provenance())) {
            assertClose(model.predict(ReferenceModel.inputs(), ReferenceModel.INPUTS), ReferenceModel.expected(),
                    CROSS_BACKEND_TOLERANCE);
        }
    }

    /**
     * The reference CNN ({@link ReferenceModel#cnnSpec()}): a backend whose capabilities run it must predict
     * what the reference backend did within {@link #CROSS_BACKEND_TOLERANCE}; one whose capabilities refuse it
     * must refuse to load it with {@link UnsupportedModelException} naming the layer. When a backend gains
     * the layers, its capabilities say so and this test switches to checking the predictions by itself.
     */
    @Test
    void loadsTheReferenceCnnFileOrRefusesItByItsCapabilities() {
        SavedModel reference = ReferenceModel.loadCnn();
        assertThat(reference.spec()).isEqualTo(ReferenceModel.cnnSpec());
        var problem = backend.capabilities().problem(reference.spec());
        if (problem.isPresent()) {
            assertThat(problem.get()).startsWith("layer ");
            String where = problem.get().substring(0, problem.get().indexOf(')') + 1);
            assertThatThrownBy(() -> backend.load(reference.spec(), reference.weights(), reference.provenance())
                    .close()).isInstanceOf(UnsupportedModelException.class).hasMessageContaining(where);
            return;
        }
        try (Model model = backend.load(reference.spec(), reference.weights(), reference.provenance())) {
            assertClose(model.predict(ReferenceModel.inputs(), ReferenceModel.INPUTS), ReferenceModel.expectedCnn(),
                    CROSS_BACKEND_TOLERANCE);
        }
    }

    @Test
    void stopsAfterTheCurrentBatchWhenAsked() {
        StopSignal stop = new StopSignal();
        List<BatchProgress> seen = new ArrayList<>();
        TrainingListener stopAtThree = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchProgress progress) {
                seen.add(progress);
                if (progress.batch() == 3) {
                    stop.request();
                }
            }
        };
        TrainingJob job = TrainingJob.of(ModelSpec.mlp(), train, kitConfig()).withListener(stopAtThree)
                .withStop(stop);
        TrainingResult result = backend.trainer().fit(job);
        try (Model model = result.model()) {
            assertThat(result.complete()).isFalse();
            assertThat(model.provenance().complete()).isFalse();
            assertThat(seen).hasSize(3);
            assertThat(model.predict(test.scaledImages(0, 1), 1)).hasSize(FashionClass.COUNT);
        }
    }

    @Test
    void rejectsImagesOfTheWrongSize() {
        assertThatThrownBy(() -> trained.model().predict(new float[Images.PIXELS * 2 - 1], 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("28x28");
        assertThatThrownBy(() -> trained.model().predict(new float[Images.PIXELS], 1, new float[5]))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsWeightsThatDoNotFitTheDescription() {
        Weights wrong = new Weights(List.of(new Tensor("dense/kernel", new int[] {784, 64}, new float[784 * 64]),
                new Tensor("dense/bias", new int[] {64}, new float[64]),
                new Tensor("dense_1/kernel", new int[] {64, 10}, new float[640]),
                new Tensor("dense_1/bias", new int[] {10}, new float[10])));
        assertThatThrownBy(() -> backend.load(ModelSpec.mlp(), wrong, trained.model().provenance()))
                .isInstanceOf(FmnistException.class).hasMessageContaining("dense/kernel");
    }

    @Test
    void theProviderKnowsTheBackendsCapabilitiesWithoutCreatingIt() {
        for (ModelSpec spec : LayerCatalogue.networks()) {
            assertThat(provider().capabilities().problem(spec)).as(spec.name())
                    .isEqualTo(backend.capabilities().problem(spec));
        }
        assertThat(backend.capabilities().supports(ModelSpec.mlp())).as("every backend runs the mlp").isTrue();
    }

    /**
     * Every layer type and option: the backend runs what its capabilities claim (it trains an epoch and
     * loads the initial weights exactly) and refuses the rest, when training and when loading, with
     * {@link UnsupportedModelException} naming the layer.
     */
    @TestFactory
    Stream<DynamicTest> runsWhatItClaimsAndRefusesTheRest() {
        Dataset small = SyntheticData.blobs("kit-small", 96, 5);
        return LayerCatalogue.networks().stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
            Weights initial = Initializers.glorotUniform(spec, 3);
            var problem = backend.capabilities().problem(spec);
            if (problem.isPresent()) {
                String where = problem.get().startsWith("layer ") ? problem.get().substring(0,
                        problem.get().indexOf(')') + 1) : "Rescaling";
                assertThatThrownBy(() -> backend.trainer().fit(TrainingJob.of(spec, small, kitConfig().withEpochs(1)))
                        .model().close()).isInstanceOf(UnsupportedModelException.class).hasMessageContaining(where);
                assertThatThrownBy(() -> backend.load(spec, initial, trained.model().provenance()).close())
                        .isInstanceOf(UnsupportedModelException.class).hasMessageContaining(where);
                return;
            }
            TrainingResult result = backend.trainer().fit(TrainingJob.of(spec, small,
                    kitConfig().withEpochs(1).withBatchSize(32)));
            try (Model model = result.model()) {
                model.weights().checkMatches(spec);
                assertProbabilities(model.predict(test.scaledImages(0, 8), 8), 8);
            }
            try (Model loaded = backend.load(spec, initial, trained.model().provenance())) {
                assertThat(loaded.weights()).isEqualTo(initial);
                assertProbabilities(loaded.predict(test.scaledImages(0, 8), 8), 8);
            }
            // Each parameter of each layer type, one size too large, is refused by name.
            for (int i = 0; i < initial.tensors().size(); i++) {
                List<Tensor> wrong = new ArrayList<>(initial.tensors());
                Tensor t = wrong.get(i);
                wrong.set(i, new Tensor(t.name(), new int[] {t.data().length + 1}, new float[t.data().length + 1]));
                assertThatThrownBy(() -> backend.load(spec, new Weights(wrong), trained.model().provenance()).close())
                        .as(t.name()).isInstanceOf(FmnistException.class).hasMessageContaining(t.name());
            }
        }));
    }

    private static void assertProbabilities(float[] p, int rows) {
        assertThat(p).hasSize(rows * FashionClass.COUNT);
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int c = 0; c < FashionClass.COUNT; c++) {
                assertThat(p[i * FashionClass.COUNT + c]).isBetween(0f, 1f);
                sum += p[i * FashionClass.COUNT + c];
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void reportsDivergenceWithEpochAndBatch() {
        TrainingConfig explosive = kitConfig().withEpochs(1).withOptimizer(new OptimizerConfig.Sgd(1e30, 0));
        assertThatThrownBy(() -> backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, explosive))
                .model().close())
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("epoch 1").hasMessageContaining("batch");
    }

    /** Asserts two probability arrays agree element by element within {@code tolerance}. */
    protected static void assertClose(float[] actual, float[] expected, float tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        float worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as("largest difference").isLessThanOrEqualTo(tolerance);
    }
}
