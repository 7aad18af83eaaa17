package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.json.Json;
import dev.fmnist.api.json.JsonFields;
import dev.fmnist.cli.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheBackendsOnTheClassPath() {
        Cli.Result r = Cli.in(dir).withEnv("FMNIST_BACKEND", "fake").run("backends");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("(?m)^fake\\*\\s+\\S+\\s+no\\s+yes\\s+scalar test backend .*\\[built-in\\]$")
                .contains("* default backend: fake").contains("Plugin directories: none")
                .containsPattern("(?m)^unavailable\\s+0\\s+yes\\s+no\\s+.*$")
                .contains("cannot run here: needs a GPU this machine lacks")
                .contains("runs: Flatten, Dense (relu, linear; softmax last)");
    }

    @Test
    void jsonDescribesEachBackend() {
        Cli.Result r = Cli.in(dir).withEnv("FMNIST_BACKEND", "fake").run("backends", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> doc = Json.parseObject(r.out());
        assertThat(doc.get("default")).isEqualTo("fake");
        List<Object> backends = JsonFields.array(doc, "backends");
        Map<String, Object> fake = backends.stream().map(o -> JsonFields.asObject(o, "b"))
                .filter(b -> "fake".equals(b.get("name"))).findFirst().orElseThrow();
        assertThat(fake).containsEntry("native", false).containsEntry("available", true)
                .containsEntry("source", "built-in").containsKeys("version", "description", "reason", "rank")
                .containsEntry("layers", List.of("Flatten", "Dense (relu, linear; softmax last)"));
        assertThat(JsonFields.array(doc, "load_problems")).isEmpty();
    }
}
