package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.InMemoryDataset;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import dev.fmnist.data.testing.IdxFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set of 0 images is refused: no model trained on nothing, no "Accuracy: NaN". */
class EmptyDatasetTest {
    private static final Dataset EMPTY = new InMemoryDataset("empty", new byte[0], new byte[0]);

    @TempDir
    Path dir;

    @Test
    void trainingOnNoImagesIsRefusedAndSavesNothing() {
        Path data = dir.resolve("data");
        IdxFixtures.writeDataset(data, EMPTY, SyntheticData.test());

        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "1", "--data", "data",
                "--out", "m.fmnist");

        assertThat(r.code()).as(r.toString()).isNotZero();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("no images");
        assertThat(Files.exists(dir.resolve("m.fmnist"))).isFalse();
    }

    @Test
    void evaluatingOnNoImagesIsRefused() {
        Path data = dir.resolve("data");
        IdxFixtures.writeDataset(data, SyntheticData.train(), EMPTY);

        Cli.Result r = Cli.in(dir).run("evaluate", "--model", Fixtures.model().toString(), "--data", "data");

        assertThat(r.code()).as(r.toString()).isNotZero();
        assertThat(r.out()).doesNotContain("NaN");
        assertThat(r.err()).contains("no images");
    }
}
