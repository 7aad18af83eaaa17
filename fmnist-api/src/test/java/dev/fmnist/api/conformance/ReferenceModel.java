package dev.fmnist.api.conformance;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference model file every backend must read: an {@code mlp} trained by the reference backend on
 * the synthetic set, and the probabilities that backend predicted for the first {@link #INPUTS} images
 * of {@link SyntheticData#test()}. Both live in this test-jar's resources.
 */
public final class ReferenceModel {
    /** Number of test images whose predictions are recorded. */
    public static final int INPUTS = 32;
    /** Resource name of the model file. */
    public static final String MODEL_RESOURCE = "reference-mlp.fmnist";
    /** Resource name of the expected predictions. */
    public static final String EXPECTED_RESOURCE = "reference-mlp-expected.json";

    private ReferenceModel() {
    }

    /** The reference model file's contents. */
    public static SavedModel load() {
        return ModelFile.decode(resource(MODEL_RESOURCE));
    }

    /** The images the expected predictions are for, scaled. */
    public static float[] inputs() {
        return SyntheticData.test().scaledImages(0, INPUTS);
    }

    /** The probabilities the reference backend predicted for {@link #inputs()}, {@code [INPUTS][10]}. */
    public static float[] expected() {
        Map<String, Object> json = Json.parseObject(new String(resource(EXPECTED_RESOURCE), StandardCharsets.UTF_8));
        List<Object> values = JsonFields.array(json, "probabilities");
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    /**
     * Trains the reference model on {@code backend} and writes both resources into {@code dir}.
     * Run by the reference backend's build when the format or the kit changes.
     */
    public static void regenerate(Backend backend, Path dir) throws IOException {
        Dataset train = SyntheticData.train();
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withSeed(7);
        TrainingResult result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config));
        try (Model model = result.model()) {
            Files.createDirectories(dir);
            ModelFile.write(dir.resolve(MODEL_RESOURCE), SavedModel.of(model, result.history()));
            float[] probabilities = model.predict(inputs(), INPUTS);
            List<Object> values = new ArrayList<>();
            for (float p : probabilities) {
                values.add((double) p);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("backend", backend.name());
            json.put("inputs", "first " + INPUTS + " images of SyntheticData.test()");
            json.put("classes", FashionClass.COUNT);
            json.put("probabilities", values);
            Files.writeString(dir.resolve(EXPECTED_RESOURCE), Json.write(json));
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReferenceModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing from the API test-jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
