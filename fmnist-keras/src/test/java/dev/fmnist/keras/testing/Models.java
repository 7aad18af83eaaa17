package dev.fmnist.keras.testing;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.training.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Models for tests: seeded Glorot weights, with BatchNormalization statistics that are not the identity. */
public final class Models {
    private Models() {
    }

    /** A model of a description with seeded weights. */
    public static SavedModel of(ModelSpec spec, long seed) {
        Provenance p = Provenance.now("pure", "test", TrainingConfig.defaults(), "fashion-mnist/train",
                "ab".repeat(32), Map.of(), true, 5);
        return new SavedModel(spec, perturbNormalization(Initializers.glorotUniform(spec, seed), seed), p,
                History.empty());
    }

    /**
     * A CNN with BatchNormalization after a convolution (scaled and centred), after a strided one (neither:
     * center and scale false) and after a dense layer, and every padding and pooling kind.
     */
    public static ModelSpec cnnWithBatchNorm() {
        return new ModelSpec("cnn_bn", Shape.IMAGE, List.of(
                LayerSpec.Conv2D.same(8, 3, Activation.RELU),
                new LayerSpec.BatchNormalization(),
                new LayerSpec.MaxPooling2D(2),
                new LayerSpec.Conv2D(12, Size2D.square(3), Size2D.square(2), Padding.SAME, Activation.LINEAR, false),
                new LayerSpec.BatchNormalization(-1, 0.99, 1e-3, false, false),
                new LayerSpec.ReLU(),
                new LayerSpec.AveragePooling2D(Size2D.square(2), Size2D.square(2), Padding.VALID),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense(32, Activation.LINEAR),
                new LayerSpec.BatchNormalization(),
                new LayerSpec.ActivationLayer(Activation.RELU),
                new LayerSpec.Dropout(0.25),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.LINEAR),
                new LayerSpec.Softmax()));
    }

    /** Sparse synthetic images in [0, 1], as many as asked. */
    public static float[] synthetic(int count) {
        SplittableRandom random = new SplittableRandom(5);
        float[] images = new float[count * Images.PIXELS];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextInt(4) == 0 ? random.nextInt(256) / 255f : 0f;
        }
        return images;
    }

    /** Class probabilities from the pure backend. */
    public static float[] predict(SavedModel saved, float[] images, int count) {
        try (BackendRegistry registry = BackendRegistry.load();
                Model model = registry.backend("pure").load(saved.spec(), saved.weights(), saved.provenance())) {
            return model.predict(images, count);
        }
    }

    private static Weights perturbNormalization(Weights weights, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : weights.tensors()) {
            float[] d = t.data().clone();
            String n = t.name();
            for (int i = 0; i < d.length; i++) {
                if (n.endsWith("/gamma")) {
                    d[i] = (float) random.nextDouble(0.5, 1.5);
                } else if (n.endsWith("/beta") || n.endsWith("/moving_mean")) {
                    d[i] = (float) random.nextDouble(-0.3, 0.3);
                } else if (n.endsWith("/moving_variance")) {
                    d[i] = (float) random.nextDouble(0.2, 2);
                } else if (n.endsWith("/bias")) {
                    d[i] = (float) random.nextDouble(-0.1, 0.1);
                }
            }
            out.add(new Tensor(n, t.shape(), d));
        }
        return new Weights(out);
    }
}
