package dev.fmnist.api.spi;

import dev.fmnist.api.model.Capabilities;

/**
 * The plugin face of a backend, found by {@link java.util.ServiceLoader}: list it in
 * {@code META-INF/services/dev.fmnist.api.spi.BackendProvider}. A provider must be cheap to construct
 * and to query: loading native libraries belongs in {@link #create()}, so listing backends never starts
 * TensorFlow or ND4J.
 */
public interface BackendProvider {

    /** The name users pass to {@code --backend}: lower case, such as {@code pure}, {@code dl4j}, {@code tf}. */
    String name();

    /** One line saying what the backend is. */
    String description();

    /** The version of the library the backend runs on. */
    String version();

    /** Whether the backend loads native code. */
    boolean usesNativeCode();

    /** Preference when no backend is named; higher wins. The pure backend uses 100. */
    default int rank() {
        return 0;
    }

    /**
     * Whether the backend can run here, judged without loading natives (platform checks, classes
     * present). {@link #create()} may still fail; the registry then reports that reason.
     */
    default Availability availability() {
        return Availability.yes();
    }

    /**
     * What the backend can run, known without loading natives, so that listings and fallbacks can ask before
     * creating it. Must equal {@link Backend#capabilities()}. Defaults to dense stacks.
     */
    default Capabilities capabilities() {
        return Capabilities.denseStacks();
    }

    /** Creates the backend, loading native libraries if it needs them. Called at most once by the registry. */
    Backend create();
}
