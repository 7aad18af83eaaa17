package dev.fmnist.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendRegistry;
import java.util.Objects;

/**
 * Guice bindings for fmnist: a singleton {@link BackendRegistry} filled by {@link java.util.ServiceLoader}
 * from a class loader (the application's, or a shared plugin loader), and the default {@link Backend}
 * (created lazily on first injection, so merely building the injector loads no native code).
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new FmnistModule());
 * BackendRegistry registry = injector.getInstance(BackendRegistry.class);
 * Backend backend = registry.backend("pure");
 * }</pre>
 */
public final class FmnistModule extends AbstractModule {
    private final ClassLoader loader;

    /** Backends visible to this module's class loader. */
    public FmnistModule() {
        this(FmnistModule.class.getClassLoader());
    }

    /** Backends visible to {@code loader} (for example one that also holds plugin jars). */
    public FmnistModule(ClassLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Provides
    @Singleton
    BackendRegistry registry() {
        return BackendRegistry.load(loader);
    }

    @Provides
    Backend defaultBackend(BackendRegistry registry) {
        return registry.defaultBackend();
    }
}
