package dev.fmnist.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.spi.Availability;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The provider is cheap: listing it and asking whether it can run loads no ND4J, DL4J or JavaCPP class. */
class ProviderTest {

    @Test
    void listingTheBackendLoadsNoNativeLibraryClasses() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> registryType = loader.loadClass("dev.fmnist.api.spi.BackendRegistry");
            Class<?> providerType = loader.loadClass("dev.fmnist.api.spi.BackendProvider");
            Object registry = registryType.getMethod("load", ClassLoader.class).invoke(null, loader);
            List<String> names = new ArrayList<>();
            for (Object provider : (List<?>) registryType.getMethod("providers").invoke(registry)) {
                names.add((String) providerType.getMethod("name").invoke(provider));
                providerType.getMethod("description").invoke(provider);
                providerType.getMethod("version").invoke(provider);
                providerType.getMethod("usesNativeCode").invoke(provider);
                Object availability = providerType.getMethod("availability").invoke(provider);
                assertThat(availability.toString()).contains("available=true");
            }
            assertThat(names).contains(Dl4jBackendProvider.NAME);
            assertThat(loader.loaded).contains(Dl4jBackendProvider.class.getName());
            assertThat(loader.loaded).noneMatch(name -> name.startsWith("org.nd4j.")
                    || name.startsWith("org.deeplearning4j.") || name.startsWith("org.bytedeco.")
                    || isInASubPackageOfThisBackend(name));
        }
    }

    @Test
    void describesItself() {
        Dl4jBackendProvider provider = new Dl4jBackendProvider();
        assertThat(provider.name()).isEqualTo("dl4j");
        assertThat(provider.version()).isEqualTo("1.0.0-M2.1");
        assertThat(provider.usesNativeCode()).isTrue();
        assertThat(provider.availability()).isEqualTo(new Availability(true, NativePlatform.current().name()));
    }

    @Test
    void withoutDl4jOnTheClassPathItIsUnavailableWithTheReason() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            Dl4jBackendProvider provider = new Dl4jBackendProvider(empty);
            assertThat(provider.availability().available()).isFalse();
            assertThat(provider.availability().reason()).contains("deeplearning4j-nn");
            assertThatThrownBy(provider::create).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("deeplearning4j-nn is not on the class path");
        }
    }

    /** Classes of {@code engine}, {@code runtime}, {@code network}, ...: everything past the provider. */
    private static boolean isInASubPackageOfThisBackend(String className) {
        String root = "dev.fmnist.backend.dl4j.";
        return className.startsWith(root) && className.substring(root.length()).contains(".");
    }

    /** A class loader over the test class path that records every class it defines itself. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            loaded.add(name);
            return super.findClass(name);
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(new File(entry).toURI().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}
