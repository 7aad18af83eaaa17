package dev.fmnist.backend.pure;

import dev.fmnist.api.Fmnist;
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

    @Override
    public Backend create() {
        return new PureBackend(KernelSelector.best());
    }
}
