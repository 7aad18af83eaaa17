package dev.fmnist.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.cli.testing.ChildCli;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import dev.fmnist.cli.testing.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend defined only in test sources, packed into a jar at test time, used by the real CLI in a child
 * JVM that has no test classes on its class path: the backend can only come from the plugin jar.
 */
class PluginBackendTest {
    @TempDir
    Path dir;

    private Path plugins;
    private Path jar;
    private Path home;

    @BeforeEach
    void buildPlugin() throws IOException {
        plugins = dir.resolve("plugins-dir");
        jar = PluginJar.write(plugins.resolve("tiny-backend.jar"));
        home = Files.createDirectories(dir.resolve("home"));
    }

    @Test
    void theChildCannotSeeTheTestBackendWithoutThePlugin() {
        Cli.Result r = new ChildCli(dir, home).run("train", "--backend", "tiny", "--data", Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("fmnist: unknown backend 'tiny'; known backends: ");
    }

    @Test
    void backendsListsThePlugin() {
        Cli.Result r = new ChildCli(dir, home).run("backends", "--plugins", plugins.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("(?m)^tiny\\*?\\s+0\\.0\\.1-test\\s+no\\s+yes\\s+tiny plugin backend "
                + "\\(built by a test\\) \\[plugin " + java.util.regex.Pattern.quote(jar.toString()) + "\\]$");
        assertThat(r.out()).contains("Plugin directories: [" + plugins + "]");
    }

    @Test
    void trainUsesThePluginBackend() {
        Path model = dir.resolve("tiny.fmnist");

        Cli.Result r = new ChildCli(dir, home).run("--plugins", plugins.toString(), "train", "--backend", "tiny",
                "--data", Fixtures.data().toString(), "--epochs", "1", "--out", model.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Backend: tiny 0.0.1-test").contains("Epoch 1/1 - 63/63");
        SavedModel saved = ModelFile.read(model);
        assertThat(saved.provenance().backend()).isEqualTo("tiny");
        assertThat(saved.provenance().metrics().get("test_accuracy")).isGreaterThan(0.5);
    }

    @Test
    void pluginsComeFromTheEnvironmentAndTheHomeFolderToo() throws IOException {
        Path homePlugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(jar, homePlugins.resolve("tiny-backend.jar"));

        Cli.Result fromHome = new ChildCli(dir, home).run("backends", "--json");
        Cli.Result fromEnv = new ChildCli(dir, Files.createDirectories(dir.resolve("other-home")))
                .withEnv("FMNIST_PLUGINS", plugins.toString()).run("backends", "--json");

        assertThat(source(fromHome)).isEqualTo("plugin " + homePlugins.resolve("tiny-backend.jar"));
        assertThat(source(fromEnv)).isEqualTo("plugin " + jar);
    }

    private static Object source(Cli.Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> doc = Json.parseObject(r.out());
        return JsonFields.array(doc, "backends").stream().map(o -> JsonFields.asObject(o, "backend"))
                .filter(b -> "tiny".equals(b.get("name"))).findFirst().orElseThrow().get("source");
    }
}
