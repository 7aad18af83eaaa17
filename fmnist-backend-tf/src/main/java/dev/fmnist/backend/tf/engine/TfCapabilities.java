package dev.fmnist.backend.tf.engine;

import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.LayerSpec;

/** What the tf backend runs; names no TensorFlow class, so the provider can ask it without loading natives. */
public final class TfCapabilities {
    /**
     * What the tf backend runs for now: dense stacks (Flatten and Dense with a bias, any hidden activation,
     * softmax last). Convolutions and the other layer types are a later issue.
     */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .allow(LayerSpec.Flatten.class)
            .allow(LayerSpec.Dense.class, "with a bias; softmax last", (d, node, last) ->
                    !d.useBias() ? "use_bias=false"
                            : last && d.activation() != Activation.SOFTMAX
                            ? "activation '" + d.activation().keyword() + "' on the last layer" : null)
            .build();

    private TfCapabilities() {
    }
}
