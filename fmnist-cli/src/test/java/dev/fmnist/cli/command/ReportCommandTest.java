package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private static long pngs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).count();
        }
    }

    @Test
    void trainWritesAReportWhenAsked() throws IOException {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "2", "--data",
                Fixtures.data().toString(), "--out", "m.fmnist", "--report", "report");

        assertThat(r.code()).as(r.toString()).isZero();
        Path page = dir.resolve("report/index.html");
        assertThat(r.out()).contains("Wrote report to " + page);
        String html = Files.readString(page);
        assertThat(html).contains("data:image/png;base64,").contains("Confusion").contains("fake");
        assertThat(pngs(dir.resolve("report"))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void reportEvaluatesAModelFileIntoADirectoryBesideIt() throws IOException {
        Path model = dir.resolve("copy.fmnist");
        Files.copy(Fixtures.model(), model);

        Cli.Result r = Cli.in(dir).run("report", "--model", "copy.fmnist", "--data", Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        Path page = dir.resolve("copy-report/index.html");
        assertThat(r.out()).contains("Test loss: ").contains("Wrote report to " + page);
        assertThat(Files.readString(page)).contains("<html").contains("data:image/png;base64,");
    }

    @Test
    void reportAsJson() {
        Cli.Result r = Cli.in(dir).run("report", "--model", Fixtures.model().toString(), "--data",
                Fixtures.data().toString(), "--out", "r", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Json.parseObject(r.out())).containsEntry("report", dir.resolve("r/index.html").toString())
                .containsKey("evaluation");
    }
}
