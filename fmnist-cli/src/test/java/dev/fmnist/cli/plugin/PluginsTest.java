package dev.fmnist.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {
    @TempDir
    Path dir;

    private final ClassLoader app = PluginsTest.class.getClassLoader();

    @Test
    void withoutJarsTheApplicationLoaderIsUsed() {
        try (Plugins plugins = Plugins.load(null, Map.of(), dir, app)) {
            assertThat(plugins.loader()).isSameAs(app);
            assertThat(plugins.jars()).isEmpty();
            assertThat(plugins.jarOf(String.class)).isEmpty();
        }
    }

    /** A valid jar without entries. */
    private static void emptyJar(Path file) throws IOException {
        new java.util.jar.JarOutputStream(Files.newOutputStream(file)).close();
    }

    @Test
    void allSourcesShareOneLoader() throws IOException {
        Path explicit = Files.createDirectories(dir.resolve("a"));
        Path env1 = Files.createDirectories(dir.resolve("b"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("plugins"));
        emptyJar(explicit.resolve("z.jar"));
        emptyJar(explicit.resolve("a.jar"));
        Files.write(explicit.resolve("notes.txt"), new byte[0]);
        emptyJar(env1.resolve("b.jar"));
        emptyJar(home.resolve("plugins/h.jar"));

        try (Plugins plugins = Plugins.load(explicit, Map.of(Plugins.ENV, env1.toString()), home, app)) {
            assertThat(plugins.jars()).extracting(p -> p.getFileName().toString())
                    .containsExactly("a.jar", "z.jar", "b.jar", "h.jar");
            assertThat(plugins.loader()).isNotSameAs(app);
            assertThat(plugins.loader().getParent()).isSameAs(app);
        }
    }

    @Test
    void aNamedDirectoryMustExist() {
        assertThatThrownBy(() -> Plugins.load(dir.resolve("nope"), Map.of(), null, app))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--plugins");
        assertThatThrownBy(() -> Plugins.load(null, Map.of(Plugins.ENV, dir.resolve("gone").toString()), null, app))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(Plugins.ENV);
    }

    @Test
    void homeFallsBackToTheCliJarsParent() {
        String saved = System.getProperty(Plugins.HOME_PROPERTY);
        try {
            System.setProperty(Plugins.HOME_PROPERTY, dir.toString());
            assertThat(Plugins.home()).contains(dir);
            System.clearProperty(Plugins.HOME_PROPERTY);
            // In tests the CLI's classes are in fmnist-cli/target/classes: home is fmnist-cli.
            assertThat(Plugins.home()).hasValueSatisfying(h -> assertThat(h.getFileName().toString())
                    .isEqualTo("fmnist-cli"));
        } finally {
            if (saved != null) {
                System.setProperty(Plugins.HOME_PROPERTY, saved);
            }
        }
    }
}
