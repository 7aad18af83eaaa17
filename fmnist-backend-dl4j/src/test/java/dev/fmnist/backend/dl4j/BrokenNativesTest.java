package dev.fmnist.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A machine where ND4J's natives cannot load, made real in a child JVM by pointing JavaCPP at another
 * platform ({@code -Dorg.bytedeco.javacpp.platform=linux-armhf}): the backend reports itself unavailable
 * with the library that failed, every time, and the other backends keep working.
 */
class BrokenNativesTest {

    @Test
    void aBrokenNativeLibraryMakesTheBackendUnavailableWithTheReason() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Dorg.bytedeco.javacpp.platform=linux-armhf", "-cp",
                System.getProperty("java.class.path"), BrokenNativesProbe.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("listed [dl4j, fake]");
        String reason = "a native library failed to load (UnsatisfiedLinkError: ";
        assertThat(output).contains("attempt 1: backend 'dl4j' could not start ND4J: " + reason)
                .contains("attempt 2: backend 'dl4j' cannot run here: " + reason)
                .contains("availability afterwards: Availability[available=false, reason=" + reason);
        assertThat(output).contains("fake backend trained 64 images");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
