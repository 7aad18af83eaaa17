package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --threads} is bounded by a small multiple of the cores: a usage error, before any thread starts. */
class ThreadLimitTest {
    @TempDir
    Path dir;

    private static final int MAX = ThreadLimit.max();

    @Test
    void theLimitIsASmallMultipleOfTheCores() {
        assertThat(MAX).isEqualTo(ThreadLimit.PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void trainRefusesTooManyThreads() {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--data", Fixtures.data().toString(),
                "--threads", "100000");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--threads").contains("at most " + MAX);
        assertThat(r.out()).doesNotContain("Epoch");
    }

    @Test
    void benchmarkRefusesTooManyThreads() {
        Cli.Result r = Cli.in(dir).run("benchmark", "--backends", "fake", "--data", Fixtures.data().toString(),
                "--threads", String.valueOf(MAX + 1));

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--threads");
    }

    @Test
    void negativeThreadsAreAUsageError() {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--data", Fixtures.data().toString(),
                "--threads", "-3");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
    }

    @Test
    void theLimitItselfIsAccepted() {
        Cli.Result r = Cli.in(dir).run("train", "--backend", "fake", "--epochs", "1", "--data",
                Fixtures.data().toString(), "--threads", String.valueOf(MAX), "--out", "m.fmnist");

        assertThat(r.code()).as(r.toString()).isZero();
    }
}
