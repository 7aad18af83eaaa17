package dev.fmnist.backend.pure.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without the Vector API module the backend still trains, on the scalar kernels, and never loads the
 * class that uses the Vector API. Runs a separate JVM without {@code --add-modules}.
 */
class ScalarFallbackTest {

    @Test
    void trainsWithoutTheVectorModuleAndNeverLoadsVectorKernels() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-verbose:class", "-cp",
                System.getProperty("java.class.path"), ScalarOnlyMain.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("kernels=scalar").contains("accuracy-ok")
                .doesNotContain("dev.fmnist.backend.pure.kernel.VectorKernels")
                .doesNotContain("jdk.incubator.vector.FloatVector");
    }

    @Test
    void thePropertyForcesScalarKernels() {
        String before = System.getProperty(KernelSelector.PROPERTY);
        try {
            System.setProperty(KernelSelector.PROPERTY, "false");
            assertThat(KernelSelector.best().name()).isEqualTo("scalar");
        } finally {
            if (before == null) {
                System.clearProperty(KernelSelector.PROPERTY);
            } else {
                System.setProperty(KernelSelector.PROPERTY, before);
            }
        }
    }

    @Test
    void theModuleIsPresentInTheBuildsTests() {
        // The build runs the tests with --add-modules jdk.incubator.vector, so the comparison tests run.
        assertThat(KernelSelector.vectorModulePresent()).as("surefire argLine has --add-modules").isTrue();
        assertThat(KernelSelector.best().name()).startsWith("vector-");
    }
}
