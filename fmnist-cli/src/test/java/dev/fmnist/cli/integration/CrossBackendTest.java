package dev.fmnist.cli.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.testing.SyntheticData;
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
 * the same on every other (within 1e-4).
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

    private TrainingResult trainOn(String name) {
        Backend backend = registry.backend(name);
        return backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train,
                TrainingConfig.defaults().withEpochs(1).withSeed(3)));
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
