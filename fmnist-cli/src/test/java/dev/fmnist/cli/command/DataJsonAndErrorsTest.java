package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, items 13 and 18: {@code data} takes --json, and its errors are one line on stderr. */
class DataJsonAndErrorsTest {
    @TempDir
    Path dir;

    @Test
    void infoWithoutDataFailsOnStderr() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Cli.Result r = Cli.in(dir).run("data", "info", "--data", "empty");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Search order:").doesNotContain("not found");
        assertThat(r.err()).startsWith("fmnist: Fashion-MNIST not found; ").hasLineCount(1);
    }

    @Test
    void aFileGivenAsTheDataDirectoryIsNamedAsNotADirectory() throws IOException {
        Files.writeString(dir.resolve("passwd"), "root:x:0:0\n");
        for (String[] args : List.of(new String[] {"data", "--data", "passwd"},
                new String[] {"data", "verify", "--data", "passwd"},
                new String[] {"evaluate", "--model", Fixtures.model().toString(), "--data", "passwd"})) {
            Cli.Result r = Cli.in(dir).run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).contains("is not a directory").doesNotContain("does not exist")
                    .hasLineCount(1);
        }
    }

    @Test
    void infoAndVerifyPrintJson() {
        Cli.Result info = Cli.in(dir).run("data", "--data", Fixtures.data().toString(), "--json");
        assertThat(info.code()).as(info.toString()).isZero();
        Map<String, Object> doc = Json.parseObject(info.out());
        assertThat(doc.get("command")).isEqualTo("data info");
        Map<String, Object> using = JsonFields.object(doc, "using");
        assertThat(using.get("directory")).isEqualTo(Fixtures.data().toString());
        assertThat(JsonFields.array(using, "files")).hasSize(4);
        assertThat(JsonFields.array(using, "train_shape")).containsExactly(2000L, 28L, 28L);

        Cli.Result verify = Cli.in(dir).run("data", "verify", "--data", Fixtures.data().toString(), "--json");
        assertThat(verify.code()).isEqualTo(1); // synthetic files are not the published ones
        Map<String, Object> checked = Json.parseObject(verify.out());
        assertThat(checked.get("genuine")).isEqualTo(false);
        List<Object> files = JsonFields.array(checked, "files");
        assertThat(files).hasSize(4);
        assertThat(((Map<?, ?>) files.get(0)).get("status")).isEqualTo("MISMATCH");
        assertThat(verify.err()).contains("not the published Fashion-MNIST").hasLineCount(1);
    }
}
