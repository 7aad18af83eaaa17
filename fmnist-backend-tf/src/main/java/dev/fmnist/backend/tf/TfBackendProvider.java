package dev.fmnist.backend.tf;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.backend.tf.engine.TfBackend;
import dev.fmnist.backend.tf.engine.TfCapabilities;
import java.util.function.Supplier;

/**
 * The TensorFlow Java provider ({@code --backend tf}). Cheap to construct and query: it refers to
 * TensorFlow only inside {@link #create()}, so the JVM loads no TensorFlow class (and no native library)
 * until a TF backend is actually created.
 */
public final class TfBackendProvider implements BackendProvider {
    /** The backend's name. */
    public static final String NAME = "tf";
    /** The TensorFlow Java release this backend is built on (its runtime is TensorFlow 2.18). */
    public static final String VERSION = "1.1.0";

    private final Supplier<Availability> platform;
    private final Supplier<Backend> starter;

    /** The provider ServiceLoader instantiates. */
    public TfBackendProvider() {
        this(() -> PlatformCheck.current().availability(), TfBackendProvider::startTensorFlow);
    }

    /** A provider with another platform check and start-up, for tests of the failure paths. */
    TfBackendProvider(Supplier<Availability> platform, Supplier<Backend> starter) {
        this.platform = platform;
        this.starter = starter;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TensorFlow Java " + VERSION + " graph mode (native, CPU)";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public boolean usesNativeCode() {
        return true;
    }

    @Override
    public Availability availability() {
        return platform.get();
    }

    /**
     * Loads TensorFlow and returns the backend.
     *
     * @throws BackendUnavailableException if this platform has no natives or they fail to load
     */
    @Override
    public Capabilities capabilities() {
        return TfCapabilities.CAPABILITIES;
    }

    @Override
    public Backend create() {
        Availability availability = availability();
        if (!availability.available()) {
            throw new BackendUnavailableException("TensorFlow backend unavailable: " + availability.reason());
        }
        try {
            return starter.get();
        } catch (LinkageError | SecurityException e) {
            // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError and NoSuchMethodError
            // (a javacpp older than 1.5.11 on the class path) all mean the natives cannot run here.
            throw new BackendUnavailableException("TensorFlow could not start: " + describe(e), e);
        }
    }

    /** The only place the provider names a TensorFlow-facing class: it loads when this runs, not before. */
    private static Backend startTensorFlow() {
        return TfBackend.start();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        String hint = root instanceof NoSuchMethodError && String.valueOf(root.getMessage()).contains("javacpp")
                ? " (TensorFlow Java 1.1.0 needs org.bytedeco:javacpp 1.5.11 and its platform jar)" : "";
        return root.getClass().getSimpleName() + message + hint;
    }
}
