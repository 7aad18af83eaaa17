package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strings from a model file reach the terminal and the report escaped and bounded (issue 16, item 10). */
class UntrustedTextTest {
    private static final String FORGED = "1.0\nfmnist: forged\u001b[31mred\u001b[0m";

    @TempDir
    Path dir;

    private Path forgedModel() {
        Path file = dir.resolve("forged.fmnist");
        SavedModel saved = ModelFile.read(Fixtures.model());
        Provenance p = saved.provenance();
        Provenance forged = new Provenance(p.backend(), FORGED, p.fmnistVersion(), p.config(),
                "data\u2028" + "x".repeat(5000), p.dataSha256(), p.metrics(), p.created(), p.jvm(), p.os(),
                p.complete(), p.epochsCompleted());
        ModelFile.write(file, new SavedModel(saved.spec(), saved.weights(), forged, saved.history()));
        return file;
    }

    @Test
    void provenanceCannotForgeALineOrSendEscapesToTheTerminal() {
        Cli.Result r = Cli.in(dir).run("evaluate", "--model", forgedModel().toString(), "--data",
                Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("trained by fake 1.0\\nfmnist: forged\\e[31mred\\e[0m");
        assertThat(r.out().lines()).noneMatch(line -> line.startsWith("fmnist: forged"));
        assertThat(r.out() + r.err()).doesNotContain("\u001b");
    }

    @Test
    void theReportShowsProvenanceEscapedAndBounded() throws Exception {
        Cli.Result r = Cli.in(dir).run("report", "--model", forgedModel().toString(), "--data",
                Fixtures.data().toString(), "--out", dir.resolve("report").toString());

        assertThat(r.code()).as(r.toString()).isZero();
        String html = Files.readString(dir.resolve("report/index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("1.0\\nfmnist: forged\\e[31mred\\e[0m").doesNotContain("\u001b")
                .doesNotContain("\u2028").contains("data\\u2028").doesNotContain("x".repeat(1000));
    }
}
