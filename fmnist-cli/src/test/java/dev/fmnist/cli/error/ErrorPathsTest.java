package dev.fmnist.cli.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import dev.fmnist.data.files.DataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error: one line on stderr starting with "fmnist: ", exit 2 for usage and 1 for failures, no trace. */
class ErrorPathsTest {
    @TempDir
    Path dir;

    private Cli cli() {
        return Cli.in(dir);
    }

    private static void assertOneLine(Cli.Result r, int code, String start) {
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.errLines()).as(r.toString()).singleElement().asString().startsWith("fmnist: " + start)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownBackendListsTheKnownOnes() {
        Cli.Result r = cli().run("train", "--backend", "nope", "--data", Fixtures.data().toString());

        assertOneLine(r, 2, "unknown backend 'nope'; known backends: ");
        assertThat(r.err()).contains("fake");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBackendThatCannotRunHereSaysWhy() {
        Cli.Result r = cli().run("train", "--backend", "unavailable", "--data", Fixtures.data().toString());

        assertOneLine(r, 1, "backend 'unavailable' cannot run here: needs a GPU this machine lacks");
    }

    @Test
    void divergingTrainingSuggestsALowerLearningRate() {
        Cli.Result r = cli().run("train", "--backend", "fake", "--learning-rate", "1e30", "--data",
                Fixtures.data().toString(), "--out", "diverged.fmnist");

        assertOneLine(r, 1, "training diverged: loss became ");
        assertThat(r.err()).contains("lower the learning rate (--learning-rate)");
        assertThat(dir.resolve("diverged.fmnist")).doesNotExist();
    }

    @Test
    void missingData() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        Cli.Result r = cli().run("train", "--backend", "fake", "--data", "empty");

        assertOneLine(r, 1, "data directory " + dir.resolve("empty") + " lacks " + DataFile.TRAIN_IMAGES.fileName());
    }

    @Test
    void noDataAnywhereSaysHowToGetIt() {
        Cli.Result r = cli().run("show", "--data", "absent");

        assertOneLine(r, 1, "data directory " + dir.resolve("absent") + " does not exist");
    }

    @Test
    void corruptData() throws IOException {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        for (DataFile f : DataFile.ALL) {
            Files.copy(Fixtures.data().resolve(f.fileName()), bad.resolve(f.fileName()));
        }
        Files.write(bad.resolve(DataFile.TRAIN_IMAGES.fileName()), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});

        Cli.Result r = cli().run("train", "--backend", "fake", "--data", "bad");

        assertOneLine(r, 1, "");
        assertThat(r.err()).contains(DataFile.TRAIN_IMAGES.fileName());
    }

    @Test
    void missingModel() {
        assertOneLine(cli().run("evaluate", "--model", "absent.fmnist"), 1,
                "model file " + dir.resolve("absent.fmnist") + " does not exist");
    }

    @Test
    void corruptModel() throws IOException {
        Files.writeString(dir.resolve("junk.fmnist"), "not a model at all, just text");

        assertOneLine(cli().run("predict", "--model", "junk.fmnist", "--test-index", "0", "--data",
                Fixtures.data().toString()), 1, dir.resolve("junk.fmnist") + ": not an fmnist model file");
    }

    @Test
    void truncatedModel() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.model());
        Files.write(dir.resolve("cut.fmnist"), java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertOneLine(cli().run("evaluate", "--model", "cut.fmnist", "--data", Fixtures.data().toString()), 1,
                dir.resolve("cut.fmnist") + ": corrupt or truncated");
    }

    @Test
    void aNonImageFile() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertOneLine(cli().run("predict", "--model", Fixtures.model().toString(), "notes.txt"), 1,
                dir.resolve("notes.txt") + " is not an image file Java can read");
    }

    @Test
    void aMissingImage() {
        assertOneLine(cli().run("show", "absent.png"), 1, "image file " + dir.resolve("absent.png") + " does not exist");
    }

    @Test
    void anUnwritableOutputPathFailsBeforeTraining() throws IOException {
        Files.writeString(dir.resolve("file"), "x");

        Cli.Result r = cli().run("train", "--backend", "fake", "--data", Fixtures.data().toString(), "--out",
                "file/model.fmnist");

        assertOneLine(r, 1, "cannot write " + dir.resolve("file/model.fmnist") + ": " + dir.resolve("file")
                + " is not a directory");
        assertThat(r.out()).doesNotContain("Epoch");
    }

    @Test
    void anOutputThatIsADirectory() throws IOException {
        Files.createDirectories(dir.resolve("out.png"));

        assertOneLine(cli().run("show", "--data", Fixtures.data().toString(), "--out", "out.png"), 1,
                "cannot write " + dir.resolve("out.png") + ": it is a directory");
    }

    @Test
    void aFailedRunLeavesAnExistingOutputUntouched() throws IOException {
        Path out = dir.resolve("model.fmnist");
        Files.writeString(out, "previous");

        Cli.Result r = cli().run("train", "--backend", "fake", "--data", "absent", "--out", "model.fmnist");

        assertThat(r.code()).isEqualTo(1);
        assertThat(Files.readString(out)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.fmnist");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "train --epochs 0|epochs must be positive, got 0",
        "train --epochs many|Invalid value for option '--epochs': 'many' is not an int",
        "train --batch-size -3|batch size must be positive, got -3",
        "train --learning-rate -1|learning rate must be a positive number, got -1.0",
        "train --model resnet|unknown model 'resnet'; known: [mlp, cnn], or a .json description or .fmnist model file",
        "train --progress fancy|Invalid value for option '--progress'",
        "train --bogus|Unknown option: '--bogus'",
        "juggle|Unmatched argument at index 0: 'juggle'",
        "evaluate|Missing required option: '--model=FILE'",
        "predict --model m.fmnist|give either picture files or --test-index, not neither",
        "show --train-index 1 --test-index 2|give only one of --train-index, --test-index and IMAGE",
        "backends --plugins no-such-dir|plugin directory",
    })
    void badOptionValuesAreUsageErrors(String args, String message) {
        Cli.Result r = cli().run(args.split(" "));

        assertOneLine(r, 2, message);
    }

    @Test
    void outOfRangeIndicesAndTopAreUsageErrors() {
        String model = Fixtures.model().toString();
        String data = Fixtures.data().toString();
        assertOneLine(cli().run("predict", "--model", model, "--data", data, "--test-index", "500"), 2,
                "--test-index 500 is outside 0..499");
        assertOneLine(cli().run("predict", "--model", model, "--data", data, "--test-index", "1", "--top", "11"), 2,
                "--top must be between 1 and 10, got 11");
        assertOneLine(cli().run("show", "--data", data, "--train-index", "-1"), 2, "--train-index -1 is outside");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result r = cli().run("evaluate", "--verbose", "--model", "absent.fmnist");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines().get(0)).startsWith("fmnist: model file ");
        assertThat(r.err()).contains("StorageException").contains("\tat dev.fmnist.");
    }

    @Test
    void noCommandPrintsUsageAsAUsageError() {
        Cli.Result r = cli().run();

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: fmnist");
    }

    @Test
    void helpOnEveryCommand() {
        for (String command : new String[] {"train", "evaluate", "predict", "show", "report", "backends", "data",
            "data fetch"}) {
            String[] args = (command + " --help").split(" ");
            Cli.Result r = cli().run(args);
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: fmnist " + command);
        }
    }
}
