package dev.fmnist.api.conformance;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.json.Json;
import dev.fmnist.api.json.JsonFields;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
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
 * The reference model files every backend must read: an {@code mlp} and a small CNN with every other
 * layer type ({@link #cnnSpec()}), trained by the reference backend on the synthetic set, and the
 * probabilities that backend predicted for the first {@link #INPUTS} images of {@link SyntheticData#test()}.
 * All live in this test-jar's resources.
 */
public final class ReferenceModel {
    /** Number of test images whose predictions are recorded. */
    public static final int INPUTS = 32;
    /** Resource name of the model file. */
    public static final String MODEL_RESOURCE = "reference-mlp.fmnist";
    /** Resource name of the expected predictions. */
    public static final String EXPECTED_RESOURCE = "reference-mlp-expected.json";
    /** Resource name of the reference CNN's model file (every layer type beyond Dense in one network). */
    public static final String CNN_MODEL_RESOURCE = "reference-cnn.fmnist";
    /** Resource name of the reference CNN's expected predictions. */
    public static final String CNN_EXPECTED_RESOURCE = "reference-cnn-expected.json";

    private ReferenceModel() {
    }

    /** The reference model file's contents. */
    public static SavedModel load() {
        return ModelFile.decode(resource(MODEL_RESOURCE));
    }

    /** The reference CNN's model file contents. */
    public static SavedModel loadCnn() {
        return ModelFile.decode(resource(CNN_MODEL_RESOURCE));
    }

    /** The probabilities the reference backend predicted with the reference CNN for {@link #inputs()}. */
    public static float[] expectedCnn() {
        return probabilities(CNN_EXPECTED_RESOURCE);
    }

    /**
     * The reference CNN: Conv2D same (ReLU), BatchNormalization, MaxPooling2D, Conv2D valid with strides 2
     * (linear), ReLU, AveragePooling2D same, Dropout, Flatten, Dense (linear), Activation tanh, Dense 10
     * without bias, Softmax: every layer type and the main options in one small network.
     */
    public static ModelSpec cnnSpec() {
        return new ModelSpec("reference-cnn", Shape.IMAGE, List.of(
                LayerSpec.Conv2D.same(6, 3, Activation.RELU),
                new LayerSpec.BatchNormalization(),
                new LayerSpec.MaxPooling2D(2),
                new LayerSpec.Conv2D(8, Size2D.square(3), Size2D.square(2), Padding.VALID, Activation.LINEAR, true),
                new LayerSpec.ReLU(),
                new LayerSpec.AveragePooling2D(Size2D.square(2), Size2D.square(2), Padding.SAME),
                new LayerSpec.Dropout(0.25),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense(24, Activation.LINEAR),
                new LayerSpec.ActivationLayer(Activation.TANH),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.LINEAR, false),
                new LayerSpec.Softmax()));
    }

    /** The images the expected predictions are for, scaled. */
    public static float[] inputs() {
        return SyntheticData.test().scaledImages(0, INPUTS);
    }

    /** The probabilities the reference backend predicted for {@link #inputs()}, {@code [INPUTS][10]}. */
    public static float[] expected() {
        return probabilities(EXPECTED_RESOURCE);
    }

    private static float[] probabilities(String resourceName) {
        Map<String, Object> json = Json.parseObject(new String(resource(resourceName), StandardCharsets.UTF_8));
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
        regenerate(backend, dir, ModelSpec.mlp(), MODEL_RESOURCE, EXPECTED_RESOURCE);
        regenerate(backend, dir, cnnSpec(), CNN_MODEL_RESOURCE, CNN_EXPECTED_RESOURCE);
    }

    /** Writes only the reference CNN's resources (the mlp's stay as they are). */
    public static void regenerateCnn(Backend backend, Path dir) throws IOException {
        regenerate(backend, dir, cnnSpec(), CNN_MODEL_RESOURCE, CNN_EXPECTED_RESOURCE);
    }

    private static void regenerate(Backend backend, Path dir, ModelSpec spec, String modelResource,
            String expectedResource) throws IOException {
        Dataset train = SyntheticData.train();
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withSeed(7);
        TrainingResult result = backend.trainer().fit(TrainingJob.of(spec, train, config));
        try (Model model = result.model()) {
            Files.createDirectories(dir);
            ModelFile.write(dir.resolve(modelResource), SavedModel.of(model, result.history()));
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
            Files.writeString(dir.resolve(expectedResource), Json.write(json));
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
