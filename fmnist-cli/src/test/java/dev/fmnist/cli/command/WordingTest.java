package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.cli.bench.BenchmarkTable;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI says is plain English and claims no figure it did not measure. */
class WordingTest {
    @TempDir
    Path dir;

    @Test
    void oneEpochIsSingular() {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "1", "--data",
                Fixtures.data().toString(), "--out", "m.fmnist", "--progress", "none");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Training: 1 epoch, batch size 32").doesNotContain("1 epochs");
    }

    @Test
    void benchmarkHelpQuotesNoFixedPeakAndNoIssue() {
        Cli.Result r = Cli.in(dir).run("benchmark", "--help");

        assertThat(r.out()).doesNotContain("333").doesNotContain("its issue").doesNotContain("fraction of the machine");
        String help = r.out().replaceAll("\\s+", " ");
        assertThat(help).contains("Targets for a convolutional network (such as --model cnn): pure trains an epoch "
                + "in at most tf's time, predicts at least as many images/s as tf and peaks under 600 MB RSS.");
    }

    @Test
    void theBenchmarkTableHasNoPeakColumn() {
        assertThat(BenchmarkTable.format(List.of(), dev.fmnist.cli.bench.BenchmarkTargets.MLP).lines().findFirst().orElseThrow()).doesNotContain("peak");
    }
}
