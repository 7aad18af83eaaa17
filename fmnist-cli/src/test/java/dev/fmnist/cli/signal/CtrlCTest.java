package dev.fmnist.cli.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.cli.testing.ChildCli;
import dev.fmnist.cli.testing.Fixtures;
import dev.fmnist.cli.testing.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) during training: the CLI stops after the current batch, evaluates and saves, marked incomplete. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CtrlCTest {
    @TempDir
    Path dir;

    @Test
    void interruptedTrainingIsSavedMarkedIncomplete() throws IOException, InterruptedException {
        ChildCli.assumeInterruptReachesChildren();
        Path plugins = dir.resolve("plugins");
        PluginJar.write(plugins.resolve("tiny.jar"));
        Path out = dir.resolve("train.out");
        Path err = dir.resolve("train.err");
        Path model = dir.resolve("stopped.fmnist");
        Process p = new ChildCli(dir, dir).start(out, err, "--plugins", plugins.toString(), "train", "--backend",
                "tiny", "--epochs", "1000", "--data", Fixtures.data().toString(), "--out", model.toString());

        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(out).contains("Epoch 2/1000") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(p.isAlive()).as("training is running").isTrue();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            String stdout = Files.readString(out);
            String stderr = ChildCli.withoutJvmNotes(Files.readString(err));
            assertThat(p.exitValue()).as(stdout + stderr).isEqualTo(130);
            assertThat(stderr).startsWith("\nfmnist: Ctrl-C: stopping after the current batch and saving");
            assertThat(stdout).contains("Training stopped after ").contains("Saved model to " + model + " (incomplete)")
                    .contains("Test loss: ");
            SavedModel saved = ModelFile.read(model);
            assertThat(saved.provenance().complete()).isFalse();
            assertThat(saved.provenance().epochsCompleted()).isBetween(2, 999)
                    .isEqualTo(saved.history().epochs().size());
            assertThat(saved.provenance().metrics()).containsKey("test_accuracy");
        } finally {
            p.destroyForcibly(); // a child that missed the signal must not train on beside later tests
        }
    }
}
