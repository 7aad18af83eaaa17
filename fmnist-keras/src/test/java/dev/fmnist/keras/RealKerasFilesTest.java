package dev.fmnist.keras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.data.testing.RealData;
import dev.fmnist.keras.testing.KerasSamples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real files Keras wrote, read through the API's format seam and evaluated on the real test set. */
class RealKerasFilesTest {

    @Test
    void theTutorialsKeras26FileReachesItsStatedAccuracy() {
        Path file = KerasSamples.orSkip(KerasSamples.TUTORIAL_H5);
        SavedModel saved = ModelFiles.read(file);
        assertThat(saved.spec().parameterCount()).isEqualTo(101_770);
        assertThat(saved.provenance().imported().sha256())
                .isEqualTo("a5409e483d8c9838561f60776d24fa2d0e31a2049211284997a921838e1d359b");
        assertThat(saved.provenance().imported().kerasVersion()).isEqualTo("2.6.0");
        assertThat(saved.provenance().imported().kerasBackend()).isEqualTo("tensorflow");
        assertThat(saved.provenance().imported().trainingConfig()).contains("SparseCategoricalCrossentropy");
        Dataset test = RealData.orSkip().test();
        try (BackendRegistry registry = BackendRegistry.load();
                Model model = registry.backend("pure").load(saved.spec(), saved.weights(), saved.provenance())) {
            assertThat(Evaluator.evaluate(model, test, 1000).accuracy()).isCloseTo(0.8882, within(0.0005));
        }
    }

    @Test
    void theKeras38CnnReachesItsStatedAccuracyOnThePureBackend() {
        Path file = KerasSamples.orSkip(KerasSamples.CNN_KERAS);
        SavedModel saved = ModelFiles.read(file);
        assertThat(saved.spec().parameterCount()).isEqualTo(225_034);
        assertThat(saved.provenance().imported().sha256())
                .isEqualTo("525324971c39f4f46f872bdb3ad874f76063b26ff200bc42766df54751c2d929");
        assertThat(saved.provenance().imported().kerasVersion()).isEqualTo("3.8.0");
        assertThat(saved.provenance().imported().trainingConfig()).contains("categorical_crossentropy");
        Dataset test = RealData.orSkip().test();
        try (BackendRegistry registry = BackendRegistry.load();
                Model model = registry.backend("pure").load(saved.spec(), saved.weights(), saved.provenance())) {
            assertThat(Evaluator.evaluate(model, test, 1000).accuracy()).isCloseTo(0.9116, within(0.0005));
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
