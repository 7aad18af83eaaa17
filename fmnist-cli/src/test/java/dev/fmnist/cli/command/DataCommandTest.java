package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import dev.fmnist.data.files.DataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void infoSaysWhereTheDataIsAndItsShapes() {
        Cli.Result r = Cli.in(dir).withEnv("FMNIST_DATA", Fixtures.data().toString()).run("data", "info");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  " + Fixtures.data() + "  (FMNIST_DATA): complete")
                .contains("Using: " + Fixtures.data() + " (FMNIST_DATA)")
                .contains("Train images: 2000x28x28, test images: 500x28x28");
    }

    @Test
    void dataAloneMeansInfo() {
        Cli.Result r = Cli.in(dir).run("data", "--data", Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Using: " + Fixtures.data() + " (--data)");
    }

    @Test
    void verifyFlagsDataThatIsNotThePublishedFiles() {
        Cli.Result r = Cli.in(dir).run("data", "verify", "--data", Fixtures.data().toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(DataFile.TRAIN_IMAGES.fileName()).contains("MISMATCH");
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("fmnist: the data in " + Fixtures.data() + " is not the published Fashion-MNIST");
    }

    @Test
    void verifyReportsMissingFiles() throws IOException {
        Path partial = dir.resolve("partial");
        Files.createDirectories(partial);
        Files.copy(Fixtures.data().resolve(DataFile.TEST_LABELS.fileName()),
                partial.resolve(DataFile.TEST_LABELS.fileName()));

        Cli.Result r = Cli.in(dir).run("data", "verify", "--data", "partial");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MISSING");
    }

    @Test
    void fetchDoesNothingWhenTheDataIsAlreadyThere() {
        Cli.Result r = Cli.in(dir).withEnv("FMNIST_DATA", Fixtures.data().toString()).run("data", "fetch");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("already available in " + Fixtures.data());
    }

    @Test
    void fetchFromAnUnreachableServerFailsInOneLine() {
        Cli.Result r = Cli.in(dir).run("data", "fetch", "--data", "downloads", "--from", "http://127.0.0.1:9/");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("fmnist: could not download http://127.0.0.1:9/");
        assertThat(dir.resolve("downloads")).isEmptyDirectory();
    }
}
