package dev.fmnist.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.error.UnknownBackendException;
import dev.fmnist.api.testing.FakeBackendProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendRegistryTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(BackendRegistry.PROPERTY);
    }

    /** A provider that counts how often it creates its backend and can claim to be unavailable. */
    static final class CountingProvider implements BackendProvider {
        final AtomicInteger created = new AtomicInteger();
        private final String name;
        private final Availability availability;
        private final int rank;

        CountingProvider(String name, Availability availability, int rank) {
            this.name = name;
            this.availability = availability;
            this.rank = rank;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "counting";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public boolean usesNativeCode() {
            return true;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public Availability availability() {
            return availability;
        }

        @Override
        public Backend create() {
            created.incrementAndGet();
            if (name.equals("broken")) {
                throw new UnsatisfiedLinkError("no libfoo in java.library.path");
            }
            return new FakeBackendProvider().create();
        }
    }

    @Test
    void findsProvidersThroughServiceLoaderWithoutCreatingThem(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(BackendProvider.class.getName()),
                "# a comment\n" + FakeBackendProvider.class.getName() + "\ncom.example.Missing\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
                BackendRegistry registry = BackendRegistry.load(loader)) {
            assertThat(registry.names()).containsExactly("fake");
            assertThat(registry.loadProblems()).singleElement().asString().contains("com.example.Missing");
            assertThat(registry.backend("fake")).isSameAs(registry.backend("fake"));
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        BackendRegistry registry = new BackendRegistry(List.of(new CountingProvider("pure", Availability.yes(), 100),
                new CountingProvider("tf", Availability.yes(), 0)));
        assertThatThrownBy(() -> registry.backend("torch")).isInstanceOf(UnknownBackendException.class)
                .hasMessage("unknown backend 'torch'; known backends: pure, tf");
    }

    @Test
    void theDefaultIsThePropertyThenPureThenRank() {
        CountingProvider tf = new CountingProvider("tf", Availability.yes(), 10);
        CountingProvider dl4j = new CountingProvider("dl4j", Availability.yes(), 5);
        assertThat(new BackendRegistry(List.of(dl4j, tf)).defaultName()).isEqualTo("tf");
        assertThat(new BackendRegistry(List.of(dl4j, tf, new CountingProvider("pure", Availability.yes(), 0)))
                .defaultName()).isEqualTo("pure");
        BackendRegistry withPure = new BackendRegistry(List.of(dl4j, tf, new CountingProvider("pure",
                Availability.yes(), 0)));
        assertThat(withPure.defaultName(java.util.Map.of(BackendRegistry.ENV, " tf "))).isEqualTo("tf");
        System.setProperty(BackendRegistry.PROPERTY, "dl4j");
        assertThat(withPure.defaultName(java.util.Map.of(BackendRegistry.ENV, "tf"))).isEqualTo("dl4j");
        assertThat(new BackendRegistry(List.of(dl4j, tf)).defaultName()).isEqualTo("dl4j");
        assertThat(tf.created).hasValue(0);
    }

    @Test
    void anUnavailableBackendSaysWhyAndOthersKeepWorking() {
        CountingProvider missing = new CountingProvider("gpu", Availability.no("no CUDA device"), 0);
        CountingProvider broken = new CountingProvider("broken", Availability.yes(), 0);
        CountingProvider fine = new CountingProvider("fine", Availability.yes(), 0);
        try (BackendRegistry registry = new BackendRegistry(List.of(missing, broken, fine))) {
            assertThatThrownBy(() -> registry.backend("gpu")).isInstanceOf(BackendUnavailableException.class)
                    .hasMessage("backend 'gpu' cannot run here: no CUDA device");
            assertThat(missing.created).hasValue(0);
            assertThatThrownBy(() -> registry.backend("broken")).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("failed to start").hasMessageContaining("libfoo");
            assertThat(registry.backend("fine").name()).isEqualTo("fake");
        }
    }
}
