package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No command writes its output over one of its own inputs, however the path is spelled. */
class OutputIsNotAnInputTest {
    @TempDir
    Path dir;

    private Path copyOfModel() throws IOException {
        return Files.copy(Fixtures.model(), dir.resolve("m.fmnist"));
    }

    private Path copyOfData() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Stream<Path> files = Files.list(Fixtures.data())) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        return data;
    }

    private static void assertRefusedAndUnchanged(Cli.Result r, Path input, byte[] before) throws IOException {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("is also an input");
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
    }

    @Test
    void predictRefusesToDrawOverItsModel() throws IOException {
        Path model = copyOfModel();
        byte[] before = Files.readAllBytes(model);

        Cli.Result r = Cli.in(dir).run("predict", "--model", "m.fmnist", "--data", Fixtures.data().toString(),
                "--test-index", "0", "--out", "./sub/../m.fmnist");

        assertRefusedAndUnchanged(r, model, before);
    }

    @Test
    void predictRefusesToDrawOverAPictureItClassifies() throws IOException {
        Path photo = PredictCommandTest.photoOf(dir, 1);
        byte[] before = Files.readAllBytes(photo);
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), photo);

        Cli.Result r = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), photo.toString(),
                "--out", link.toString());

        assertRefusedAndUnchanged(r, photo, before);
    }

    @Test
    void showRefusesToWriteIntoTheDataFiles() throws IOException {
        Path data = copyOfData();
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        byte[] before = Files.readAllBytes(images);

        Cli.Result r = Cli.in(dir).run("show", "--data", "data", "--out", "data/train-images-idx3-ubyte.gz");

        assertRefusedAndUnchanged(r, images, before);
    }

    @Test
    void trainRefusesToSaveOverTheDataFiles() throws IOException {
        Path data = copyOfData();
        Path labels = data.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] before = Files.readAllBytes(labels);

        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "1", "--data", "data",
                "--out", labels.toString());

        assertRefusedAndUnchanged(r, labels, before);
        assertThat(r.out()).doesNotContain("Epoch");
    }

    @Test
    void showRefusesToWriteOverThePictureItShows() throws IOException {
        Path model = copyOfModel();
        byte[] before = Files.readAllBytes(model);

        Cli.Result r = Cli.in(dir).run("show", "m.fmnist", "--out", "m.fmnist");

        // A model file is not a picture, but the output check comes first and names the real problem.
        assertRefusedAndUnchanged(r, model, before);
    }
}
