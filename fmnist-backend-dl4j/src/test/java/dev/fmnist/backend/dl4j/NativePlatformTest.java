package dev.fmnist.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.spi.Availability;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The platform check that runs before any native code. */
class NativePlatformTest {

    @Test
    void namesPlatformsAsJavaCppDoes() {
        assertThat(NativePlatform.of("Linux", "amd64").name()).isEqualTo("linux-x86_64");
        assertThat(NativePlatform.of("Linux", "aarch64").name()).isEqualTo("linux-arm64");
        assertThat(NativePlatform.of("Mac OS X", "aarch64").name()).isEqualTo("macosx-arm64");
        assertThat(NativePlatform.of("Windows 11", "amd64").name()).isEqualTo("windows-x86_64");
    }

    @Test
    void aPlatformWithoutNativesIsUnavailableWithTheFix() {
        Availability a = NativePlatform.of("Mac OS X", "aarch64").availability(getClass().getClassLoader());
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("macosx-arm64").contains("org.nd4j:nd4j-native with classifier macosx-arm64");
    }

    @Test
    void missingOpenBlasIsReported() {
        ClassLoader withoutOpenBlas = new URLClassLoader(new URL[0], getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.startsWith(NativePlatform.OPENBLAS_NATIVES) ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) {
                return Collections.emptyEnumeration();
            }
        };
        Availability a = NativePlatform.of("Linux", "amd64").availability(withoutOpenBlas);
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("OpenBLAS");
    }

    @Test
    void thisMachineHasItsNatives() {
        assertThat(NativePlatform.current().availability(getClass().getClassLoader()).available()).isTrue();
    }
}
