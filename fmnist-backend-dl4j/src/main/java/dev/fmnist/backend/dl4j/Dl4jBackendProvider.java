package dev.fmnist.backend.dl4j;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import java.lang.reflect.InvocationTargetException;

/**
 * The Deeplearning4j backend's plugin face. Cheap and free of ND4J: constructing it, listing it and
 * asking {@link #availability()} never loads an ND4J, DL4J or JavaCPP class, so a machine where ND4J
 * cannot start still lists the other backends. Only {@link #create()} starts ND4J, through a class it
 * loads by name.
 */
public final class Dl4jBackendProvider implements BackendProvider {
    /** The name users pass to {@code --backend}. */
    public static final String NAME = "dl4j";
    /** The Deeplearning4j version this backend is built on. */
    public static final String DL4J_VERSION = "1.0.0-M2.1";

    /** The backend implementation; named, not referenced, so that loading this class loads no ND4J. */
    static final String BACKEND_CLASS = "dev.fmnist.backend.dl4j.engine.Dl4jBackend";

    /** The first failed start, kept because a second attempt would only see "could not initialize class". */
    private static volatile BackendUnavailableException failedStart;

    private final ClassLoader loader;

    /**
     * What the dl4j backend runs for now: dense stacks (Flatten and Dense with a bias, relu, linear, sigmoid
     * or tanh hidden, softmax last). Convolutions and the other layer types are a later issue.
     */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .allow(LayerSpec.Flatten.class)
            .allow(LayerSpec.Dense.class, "with a bias; softmax last only", (d, node, last) ->
                    !d.useBias() ? "use_bias=false"
                            : last != (d.activation() == Activation.SOFTMAX)
                            ? "activation '" + d.activation().keyword() + "' on " + (last ? "the last" : "a hidden")
                                    + " layer"
                            : null)
            .build();

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** A provider that looks for ND4J in this class's class loader (what ServiceLoader needs). */
    public Dl4jBackendProvider() {
        this(Dl4jBackendProvider.class.getClassLoader());
    }

    Dl4jBackendProvider(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Deeplearning4j " + DL4J_VERSION + " on ND4J's native CPU backend (OpenBLAS)";
    }

    @Override
    public String version() {
        return DL4J_VERSION;
    }

    @Override
    public boolean usesNativeCode() {
        return true;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public Availability availability() {
        BackendUnavailableException failed = failedStart;
        if (failed != null) {
            return Availability.no(StartFailure.reason(failed.getCause()));
        }
        return NativePlatform.current().availability(loader);
    }

    /**
     * Starts ND4J (native libraries, thread settings) and returns the backend.
     *
     * @throws BackendUnavailableException with the reason if ND4J cannot start here; after a failed start,
     *     every later call reports that first failure
     */
    @Override
    public Backend create() {
        BackendUnavailableException failed = failedStart;
        if (failed != null) {
            throw new BackendUnavailableException(failed.getMessage(), failed);
        }
        Availability availability = NativePlatform.current().availability(loader);
        if (!availability.available()) {
            throw new BackendUnavailableException("backend '" + NAME + "' cannot run here: " + availability.reason());
        }
        try {
            Class<?> type = Class.forName(BACKEND_CLASS, true, loader);
            return (Backend) type.getMethod("start").invoke(null);
        } catch (InvocationTargetException e) {
            throw remember(StartFailure.unavailable(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw remember(StartFailure.unavailable(e));
        }
    }

    private static BackendUnavailableException remember(BackendUnavailableException e) {
        failedStart = e;
        return e;
    }
}
