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

/** One bad picture among good ones: every good one is still classified, the bad one named, exit 1 at the end. */
class PredictEachFileTest {
    @TempDir
    Path dir;

    @Test
    void theGoodFilesAreReportedAndTheBadOneNamed() throws IOException {
        Path a = PredictCommandTest.photoOf(dir, 1);
        Path c = PredictCommandTest.photoOf(dir, 2);
        Files.writeString(dir.resolve("bad.png"), "not a picture");

        Cli.Result r = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), a.getFileName().toString(),
                "bad.png", c.getFileName().toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("photo1.png: ").contains("photo2.png: ");
        assertThat(r.errLines()).singleElement().asString().startsWith("fmnist: bad.png").contains("not an image");
    }

    @Test
    void jsonHoldsTheErrorBesideThePredictions() throws IOException {
        Path a = PredictCommandTest.photoOf(dir, 1);

        Cli.Result r = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), "--json",
                a.getFileName().toString(), "missing.png");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        List<Object> predictions = JsonFields.array(Json.parseObject(r.out()), "predictions");
        assertThat(predictions).hasSize(2);
        Map<String, Object> missing = JsonFields.asObject(predictions.get(1), "p");
        assertThat(missing.get("source")).isEqualTo("missing.png");
        assertThat((String) missing.get("error")).contains("does not exist");
        assertThat(JsonFields.asObject(predictions.get(0), "p").get("error")).isNull();
    }

    @Test
    void onlyBadFilesIsAFailureWithEachNamed() throws IOException {
        Files.writeString(dir.resolve("x.png"), "x");

        Cli.Result r = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), "x.png", "y.png");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(2);
    }
}
