package dev.fmnist.backend.pure;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.backend.pure.kernel.KernelSelector;

/** Provides the {@code pure} backend: plain Java, vectorised when the Vector API module is present. */
public final class PureBackendProvider implements BackendProvider {
    /** The backend's name. */
    public static final String NAME = "pure";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return KernelSelector.vectorModulePresent()
                ? "pure Java, no native code (Vector API kernels)"
                : "pure Java, no native code (scalar kernels; run with --add-modules jdk.incubator.vector to vectorise)";
    }

    @Override
    public String version() {
        return Fmnist.VERSION;
    }

    @Override
    public boolean usesNativeCode() {
        return false;
    }

    @Override
    public int rank() {
        return 100;
    }

    /**
     * What the pure backend runs: every layer type of the API, in any order, with every option, except a
     * softmax before the last layer and BatchNormalization over an axis other than the last; any input range.
     */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .allow(LayerSpec.InputLayer.class)
            .allow(LayerSpec.Flatten.class)
            .allow(LayerSpec.Reshape.class)
            .allow(LayerSpec.Dense.class, "softmax only last", (d, node, last) -> softmaxOnlyLast(d.activation(), last))
            .allow(LayerSpec.Conv2D.class, "any kernel, strides and padding; no softmax", (c, node, last) ->
                    c.activation() == Activation.SOFTMAX ? "activation 'softmax'" : null)
            .allow(LayerSpec.MaxPooling2D.class)
            .allow(LayerSpec.AveragePooling2D.class)
            .allow(LayerSpec.GlobalAveragePooling2D.class)
            .allow(LayerSpec.BatchNormalization.class, "over the last axis", (b, node, last) ->
                    b.axis() == -1 || b.axis() == node.input().rank() ? null : "axis " + b.axis())
            .allow(LayerSpec.Dropout.class)
            .allow(LayerSpec.ActivationLayer.class, "softmax only last", (a, node, last) ->
                    softmaxOnlyLast(a.activation(), last))
            .allow(LayerSpec.ReLU.class)
            .allow(LayerSpec.Softmax.class, "only last", (a, node, last) -> last ? null : "softmax before the last layer")
            .anyInputRange()
            .build();

    private static String softmaxOnlyLast(Activation a, boolean last) {
        return a == Activation.SOFTMAX && !last ? "activation 'softmax' before the last layer" : null;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Backend create() {
        return new PureBackend(KernelSelector.best());
    }
}
