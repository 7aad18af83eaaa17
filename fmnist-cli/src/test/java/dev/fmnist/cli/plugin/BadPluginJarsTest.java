package dev.fmnist.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random, empty or truncated jars are named in one warning line each; the good ones still load. */
class BadPluginJarsTest {
    @TempDir
    Path dir;

    @Test
    void badJarsAreWarnedAboutAndLeftOut() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path good = PluginJar.write(plugins.resolve("b-good.jar"));
        byte[] random = new byte[4096];
        new Random(3).nextBytes(random);
        Files.write(plugins.resolve("a-random.jar"), random);
        Files.write(plugins.resolve("c-empty.jar"), new byte[0]);
        byte[] whole = Files.readAllBytes(good);
        Files.write(plugins.resolve("d-truncated.jar"), Arrays.copyOf(whole, whole.length / 2));

        try (Plugins loaded = Plugins.load(plugins, Map.of(), null, getClass().getClassLoader())) {
            assertThat(loaded.jars()).containsExactly(good.toAbsolutePath().normalize());
            assertThat(loaded.problems()).hasSize(3).allSatisfy(p -> assertThat(p).contains("not a valid jar")
                    .doesNotContain("\n"));
            assertThat(String.join("|", loaded.problems())).contains("a-random.jar").contains("c-empty.jar")
                    .contains("d-truncated.jar");
        }
    }

    @Test
    void theCliWarnsOnceAndListsTheBackends() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.write(plugins.resolve("empty.jar"), new byte[0]);

        Cli.Result r = Cli.in(dir).run("--plugins", plugins.toString(), "backends");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("fake");
        assertThat(r.errLines()).singleElement().asString().startsWith("fmnist: warning: ")
                .contains("empty.jar");
    }

    @Test
    void anUnknownDefaultBackendIsWarnedAbout() {
        Cli.Result r = Cli.in(dir).withEnv("FMNIST_BACKEND", "garbage").run("backends");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("FMNIST_BACKEND").contains("garbage").contains("unknown");
    }
}
