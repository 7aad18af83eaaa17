package dev.fmnist.backend.tf.engine;

import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.LayerSpec;

/** What the tf backend runs; names no TensorFlow class, so the provider can ask it without loading natives. */
public final class TfCapabilities {
    /**
     * What the tf backend runs: every layer type of the API with every option, and any input rescaling.
     * TensorFlow is channels last like Keras, so layouts need no change (see the module's README).
     */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .allow(LayerSpec.Flatten.class)
            .allow(LayerSpec.Dense.class)
            .allow(LayerSpec.Conv2D.class)
            .allow(LayerSpec.MaxPooling2D.class)
            .allow(LayerSpec.AveragePooling2D.class)
            .allow(LayerSpec.GlobalAveragePooling2D.class)
            .allow(LayerSpec.Reshape.class)
            .allow(LayerSpec.Dropout.class)
            .allow(LayerSpec.BatchNormalization.class)
            .allow(LayerSpec.ActivationLayer.class)
            .allow(LayerSpec.ReLU.class)
            .allow(LayerSpec.Softmax.class)
            .anyInputRange()
            .build();

    private TfCapabilities() {
    }
}
