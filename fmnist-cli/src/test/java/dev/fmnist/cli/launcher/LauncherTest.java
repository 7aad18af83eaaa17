package dev.fmnist.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./fmnist} launcher, run on a copy of the project holding a built CLI and no sources (so it
 * builds nothing), with a stand-in {@code java} that reports what it was started with.
 */
@EnabledOnOs(OS.LINUX)
class LauncherTest {
    @TempDir
    Path root;

    private Path launcher;
    private Path javaHome;

    @BeforeEach
    void fakeProject() throws IOException {
        launcher = Files.copy(Path.of("..", "fmnist").toAbsolutePath().normalize(), root.resolve("fmnist"));
        Path target = Files.createDirectories(root.resolve("fmnist-cli/target/lib"));
        Files.write(root.resolve("fmnist-cli/target/fmnist-cli.jar"), new byte[0]);
        Files.write(root.resolve("fmnist-cli/target/.fmnist-build-stamp"), new byte[0]);
        javaHome = Files.createDirectories(root.resolve("jdk/bin")).getParent();
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, String.join("\n", "#!/usr/bin/env bash",
                "echo \"charmap=$(locale charmap)\"",
                "for a in \"$@\"; do echo \"arg=$a\"; done",
                "echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2",
                "echo 'WARNING: All log messages before absl::InitializeLog() is called are written to STDERR' >&2",
                "echo 'I0000 00:00:1764620000.123456   4242 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization"
                        + " pass is not enabled' >&2",
                "echo 'fmnist: the real error' >&2",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String[] run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString());
        pb.command().addAll(java.util.List.of(args));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LANG");
        pb.environment().putAll(env);
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // The stderr filter may finish after the launcher: wait for the stand-in's last line.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(err, StandardCharsets.UTF_8).contains("the real error")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new String[] {Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void underTheCLocaleTheJvmRunsWithUtf8AndNonAsciiArgumentsSurvive() throws Exception {
        String[] r = run(Map.of("LC_ALL", "C"), "show", "Größe-Ωmega.png");

        assertThat(r[0]).contains("charmap=UTF-8").contains("arg=Größe-Ωmega.png").contains("arg=-Dfile.encoding=UTF-8");
    }

    @Test
    void aUtf8LocaleIsKept() throws Exception {
        String[] r = run(Map.of("LANG", "C.UTF-8"), "backends");

        assertThat(r[0]).contains("charmap=UTF-8");
    }

    @Test
    void theIncubatorNoticeAndTensorFlowChatterAreFiltered() throws Exception {
        String[] r = run(Map.of(), "backends");

        assertThat(r[1].strip()).isEqualTo("fmnist: the real error");
    }

    @Test
    void theSerialCollectorIsTheDefaultAndACollectorInFmnistJavaOptsReplacesIt() throws Exception {
        assertThat(run(Map.of(), "backends")[0]).contains("arg=-XX:+UseSerialGC");

        String[] chosen = run(Map.of("FMNIST_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC"), "backends");
        assertThat(chosen[0]).contains("arg=-XX:+UseG1GC").contains("arg=-Xmx2g").doesNotContain("UseSerialGC");
    }

    @Test
    void rawStderrOnRequest() throws Exception {
        String[] r = run(Map.of("FMNIST_RAW_STDERR", "1"), "backends");

        assertThat(r[1]).contains("incubator").contains("mlir_graph_optimization_pass");
    }
}
