package dev.fmnist.api.spi;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.model.Capabilities;
import java.util.Objects;

/**
 * A provider as the registry hands it out: every call into plugin code is caught, so a provider that
 * throws or returns null from one method degrades to "cannot run" (or a placeholder) instead of breaking
 * every command. Virtual-machine errors (out of memory) still propagate.
 */
final class GuardedProvider implements BackendProvider {
    private final BackendProvider delegate;
    private final String name;

    GuardedProvider(BackendProvider delegate, String name) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.name = name;
    }

    /** The plugin's own class, to tell where it came from. */
    Class<?> implementation() {
        return delegate.getClass();
    }

    /** What went wrong, in one line. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static void rethrowFatal(Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        try {
            String d = delegate.description();
            return d == null ? "" : d;
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            return "(description failed: " + describe(e) + ")";
        }
    }

    @Override
    public String version() {
        try {
            String v = delegate.version();
            return v == null ? "unknown" : v;
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            return "unknown";
        }
    }

    /** When the provider cannot say, assume native code: the cautious answer. */
    @Override
    public boolean usesNativeCode() {
        try {
            return delegate.usesNativeCode();
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            return true;
        }
    }

    /** A provider that cannot rank itself ranks last. */
    @Override
    public int rank() {
        try {
            return delegate.rank();
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            return Integer.MIN_VALUE;
        }
    }

    @Override
    public Capabilities capabilities() {
        try {
            Capabilities c = delegate.capabilities();
            return c != null ? c : Capabilities.denseStacks();
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            // A provider that cannot say what it runs is taken at the SPI's default; create() will tell.
            return Capabilities.denseStacks();
        }
    }

    @Override
    public Availability availability() {
        try {
            Availability a = delegate.availability();
            return a != null ? a : Availability.no("its availability check returned nothing");
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            return Availability.no("its availability check failed: " + describe(e));
        }
    }

    @Override
    public Backend create() {
        Backend backend;
        try {
            backend = delegate.create();
        } catch (BackendUnavailableException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            throw new BackendUnavailableException("backend '" + name + "' failed to start: " + describe(e), e);
        }
        if (backend == null) {
            throw new BackendUnavailableException("backend '" + name + "' failed to start: its provider "
                    + delegate.getClass().getName() + " returned no backend");
        }
        return backend;
    }
}
