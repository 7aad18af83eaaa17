package dev.fmnist.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.spi.Availability;
import java.net.URL;
import org.junit.jupiter.api.Test;

class PlatformCheckTest {
    private static final ClassLoader HERE = PlatformCheckTest.class.getClassLoader();

    @Test
    void mapsOperatingSystemsToJavacppPlatforms() {
        assertThat(PlatformCheck.platformOf("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(PlatformCheck.platformOf("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(PlatformCheck.platformOf("Mac OS X", "aarch64")).isEqualTo("macosx-arm64");
        assertThat(PlatformCheck.platformOf("Windows 11", "amd64")).isEqualTo("windows-x86_64");
        assertThat(PlatformCheck.platformOf("Mac OS X", "x86_64")).isNull();
        assertThat(PlatformCheck.platformOf("FreeBSD", "amd64")).isNull();
    }

    @Test
    void aPlatformWithoutNativesIsUnavailable() {
        Availability a = new PlatformCheck(null, HERE, "avx").availability();
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("no native build");
    }

    @Test
    void missingNativeJarIsNamed() {
        ClassLoader withoutNatives = new ClassLoader(HERE) {
            @Override
            public URL getResource(String name) {
                return name.contains("/c_api/") ? null : super.getResource(name);
            }
        };
        Availability a = new PlatformCheck("linux-x86_64", withoutNatives, "avx").availability();
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("tensorflow-core-native:1.1.0:linux-x86_64");
    }

    @Test
    void aCpuWithoutAvxIsUnavailable() {
        Availability a = new PlatformCheck("linux-x86_64", HERE, "fpu sse sse2 avx512f").availability();
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("AVX");
    }

    @Test
    void thisMachineHasEverythingTensorFlowNeeds() {
        Availability a = PlatformCheck.current().availability();
        assertThat(a.available()).as(a.reason()).isTrue();
    }
}
