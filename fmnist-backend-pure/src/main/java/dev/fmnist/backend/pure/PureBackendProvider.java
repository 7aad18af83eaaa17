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
     * What the pure backend runs for now: dense stacks (Flatten and Dense with a bias, ReLU or linear hidden
     * activations, softmax last).
     */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .allow(LayerSpec.Flatten.class)
            .allow(LayerSpec.Dense.class, "with a bias; relu or linear hidden, softmax last", (d, node, last) ->
                    !d.useBias() ? "use_bias=false"
                            : last ? (d.activation() == Activation.SOFTMAX ? null
                                    : "activation '" + d.activation().keyword() + "' on the last layer")
                            : d.activation() == Activation.RELU || d.activation() == Activation.LINEAR ? null
                            : "activation '" + d.activation().keyword() + "'")
            .build();

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Backend create() {
        return new PureBackend(KernelSelector.best());
    }
}
