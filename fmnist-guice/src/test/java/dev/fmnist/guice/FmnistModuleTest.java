package dev.fmnist.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.fmnist.api.error.UnknownBackendException;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.testing.FakeBackendProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmnistModuleTest {

    /** A class loader whose only extra content is a services file naming the fake backend. */
    private static ClassLoader withFakeRegistered(Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(BackendProvider.class.getName()), FakeBackendProvider.class.getName());
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, FmnistModuleTest.class.getClassLoader());
    }

    @Test
    void bindsOneRegistryFilledByServiceLoader(@TempDir Path dir) throws IOException {
        Injector injector = Guice.createInjector(new FmnistModule(withFakeRegistered(dir)));
        BackendRegistry registry = injector.getInstance(BackendRegistry.class);
        assertThat(registry).isSameAs(injector.getInstance(BackendRegistry.class));
        assertThat(registry.names()).containsExactly(FakeBackendProvider.NAME);
        Backend backend = injector.getInstance(Backend.class);
        assertThat(backend.name()).isEqualTo(FakeBackendProvider.NAME);
        assertThat(injector.getInstance(Backend.class)).isSameAs(backend);
        registry.close();
    }

    @Test
    void anEmptyClassPathGivesAClearError() {
        Injector injector = Guice.createInjector(new FmnistModule());
        BackendRegistry registry = injector.getInstance(BackendRegistry.class);
        assertThat(registry.providers()).isEmpty();
        assertThatThrownBy(() -> registry.backend("pure")).isInstanceOf(UnknownBackendException.class)
                .hasMessageContaining("unknown backend 'pure'");
    }
}
