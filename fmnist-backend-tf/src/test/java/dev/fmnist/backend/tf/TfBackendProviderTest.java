package dev.fmnist.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TfBackendProviderTest {

    @Test
    void isFoundByServiceLoaderAndDescribesItself() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(p -> names.add(p.name()));
        assertThat(names).contains("tf");
        BackendProvider p = new TfBackendProvider();
        assertThat(p.usesNativeCode()).isTrue();
        assertThat(p.version()).isEqualTo("1.1.0");
    }

    @Test
    void isAvailableOnThisMachine() {
        Availability a = new TfBackendProvider().availability();
        assertThat(a.available()).as(a.reason()).isTrue();
        assertThat(a.reason()).isEqualTo("linux-x86_64");
    }

    /**
     * Loads the provider in a class loader of its own and lists it as a registry would: no TensorFlow or
     * javacpp class may have been loaded afterwards, so no native library can have been either.
     */
    @Test
    void listingTheProviderLoadsNoTensorFlowClass() throws Exception {
        try (IsolatedLoader loader = new IsolatedLoader()) {
            Class<?> spi = loader.loadClass("dev.fmnist.api.spi.BackendProvider");
            Object tf = null;
            for (Object provider : ServiceLoader.load(spi, loader)) {
                if ("tf".equals(spi.getMethod("name").invoke(provider))) {
                    tf = provider;
                }
            }
            assertThat(tf).as("tf provider found in the isolated loader").isNotNull();
            for (String method : List.of("name", "description", "version", "usesNativeCode", "rank",
                    "availability")) {
                Method m = spi.getMethod(method);
                assertThat(m.invoke(tf)).isNotNull();
            }
            assertThat(loader.loaded("dev.fmnist.backend.tf.TfBackendProvider")).isTrue();
            assertThat(loader.loaded("org.tensorflow.TensorFlow")).isFalse();
            assertThat(loader.loaded("org.tensorflow.Graph")).isFalse();
            assertThat(loader.loaded("org.bytedeco.javacpp.Loader")).isFalse();
            assertThat(loader.loaded("dev.fmnist.backend.tf.engine.TfBackend")).isFalse();
        }
    }

    @Test
    void aMissingNativeLibraryMakesTheBackendUnavailableWithTheReason() {
        BackendProvider broken = new TfBackendProvider(Availability::yes, () -> {
            throw new UnsatisfiedLinkError("no jnitensorflow in java.library.path");
        });
        assertThatThrownBy(broken::create).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("TensorFlow could not start")
                .hasMessageContaining("UnsatisfiedLinkError: no jnitensorflow");
    }

    @Test
    void anOldJavacppIsNamedInTheReason() {
        BackendProvider clash = new TfBackendProvider(Availability::yes, () -> {
            throw new ExceptionInInitializerError(
                    new NoSuchMethodError("'void org.bytedeco.javacpp.PointerScope.<init>()'"));
        });
        assertThatThrownBy(clash::create).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("NoSuchMethodError").hasMessageContaining("javacpp 1.5.11");
    }

    @Test
    void anUnavailablePlatformIsNotStarted() {
        boolean[] started = {false};
        BackendProvider provider = new TfBackendProvider(() -> Availability.no("no natives for plan9"), () -> {
            started[0] = true;
            return (Backend) null;
        });
        assertThatThrownBy(provider::create).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no natives for plan9");
        assertThat(started[0]).isFalse();
    }

    /** A class loader over the test class path with no parent but the platform's, to observe loading. */
    private static final class IsolatedLoader extends URLClassLoader {
        IsolatedLoader() throws Exception {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] classPath() throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
