package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fmnist train}'s Keras options: validation split, callbacks, resuming, optimizers. */
class TrainKerasOptionsTest {
    @TempDir
    Path dir;

    private Cli.Result train(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "train";
        all[1] = "--backend";
        all[2] = "fake";
        all[3] = "--data";
        all[4] = Fixtures.data().toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.in(dir).run(all);
    }

    @Test
    void validationSplitEarlyStoppingCheckpointAndCsvLog() throws IOException {
        Cli.Result r = train("--epochs", "40", "--validation-split", "0.2", "--early-stopping", "1", "--monitor",
                "val_accuracy", "--restore-best", "--checkpoint", "best.fmnist", "--save-best-only", "--csv-log",
                "log.csv", "--learning-rate", "0.01", "--out", "m.fmnist");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("validation split 0.2 (1,600 train / 400 validation images)")
                .containsPattern("Epoch 1/40 - 50/50 .* - val_loss: [0-9.]+ - val_accuracy: [0-9.]+")
                .containsPattern("Epoch [0-9]+: early stopping").containsPattern("Best epoch: [0-9]+ \\(val_accuracy")
                .contains("Test loss:");
        SavedModel saved = ModelFile.read(dir.resolve("m.fmnist"));
        int stopped = saved.history().stoppedEpoch();
        int best = saved.history().bestEpoch();
        assertThat(stopped).isBetween(2, 39);
        assertThat(stopped - best).isEqualTo(1);
        assertThat(saved.history().epochs()).hasSize(stopped).allSatisfy(e -> assertThat(e.samples()).isEqualTo(1600));
        assertThat(saved.history().hasTest()).isTrue();
        // The restored weights are the best epoch's: the ones the best-only checkpoint saved.
        SavedModel checkpoint = ModelFile.read(dir.resolve("best.fmnist"));
        assertThat(checkpoint.history().epochs()).hasSize(best);
        assertThat(saved.weights()).isEqualTo(checkpoint.weights());
        List<String> csv = Files.readAllLines(dir.resolve("log.csv"));
        assertThat(csv).hasSize(stopped + 1);
        assertThat(csv.get(0)).isEqualTo("epoch,accuracy,learning_rate,loss,val_accuracy,val_loss");
        assertThat(csv.get(1)).startsWith("0,");
        Map<String, Object> history = Json.parseObject(Files.readString(dir.resolve("m.history.json")));
        assertThat(JsonFields.integer(history, "stopped_epoch")).isEqualTo(stopped);
        assertThat(JsonFields.number(history, "test_accuracy")).isEqualTo(saved.history().testAccuracy());
    }

    @Test
    void resumingContinuesAsIfTrainingHadNotStopped() {
        assertThat(train("--epochs", "3", "--augment", "--validation-split", "0.1", "--out", "straight.fmnist").code())
                .isZero();
        assertThat(train("--epochs", "1", "--augment", "--validation-split", "0.1", "--out", "one.fmnist").code())
                .isZero();
        Cli.Result r = train("--from", "one.fmnist", "--epochs", "3");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Resuming from one.fmnist after epoch 1, up to epoch 3").contains("Epoch 2/3")
                .doesNotContain("Epoch 1/3");
        SavedModel resumed = ModelFile.read(dir.resolve("fmnist-fake-mlp-epoch3.fmnist"));
        SavedModel straight = ModelFile.read(dir.resolve("straight.fmnist"));
        assertThat(resumed.weights()).isEqualTo(straight.weights());
        assertThat(resumed.optimizer()).isEqualTo(straight.optimizer());
        assertThat(resumed.history().epochs()).extracting(EpochStats::epoch).containsExactly(1, 2, 3);
    }

    @Test
    void resumingRefusesContradictingSettingsAndOverwritingItsInput() {
        assertThat(train("--epochs", "1", "--out", "one.fmnist").code()).isZero();
        Cli.Result seed = train("--from", "one.fmnist", "--epochs", "2", "--seed", "3");
        assertThat(seed.code()).isNotZero();
        assertThat(seed.err()).contains("--seed cannot be combined with --from").doesNotContain("Exception");
        Cli.Result same = train("--from", "one.fmnist", "--epochs", "2", "--out", "one.fmnist");
        assertThat(same.code()).isNotZero();
        assertThat(same.err()).contains("would overwrite the --from model");
        Cli.Result done = train("--from", "one.fmnist", "--epochs", "1");
        assertThat(done.err()).contains("already trained 1 epoch(s)");
    }

    @Test
    void optimizersAndSchedulesWithKerasDefaults() {
        Cli.Result r = train("--epochs", "2", "--optimizer", "sgd", "--momentum", "0.9", "--nesterov",
                "--lr-schedule", "step:0.5:1", "--out", "sgd.fmnist");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("SGD with learning rate 0.01, Nesterov momentum 0.9")
                .contains("learning_rate: 5.0000e-03");
        SavedModel saved = ModelFile.read(dir.resolve("sgd.fmnist"));
        assertThat(saved.provenance().config().optimizer()).isEqualTo(new OptimizerConfig.Sgd(0.01, 0.9, true, 0));
        assertThat(saved.history().epochs()).extracting(EpochStats::learningRate).containsExactly(0.01, 0.005);
        Cli.Result adamw = train("--epochs", "1", "--optimizer", "adamw", "--amsgrad", "--out", "w.fmnist");
        assertThat(adamw.code()).as(adamw.toString()).isZero();
        assertThat(ModelFile.read(dir.resolve("w.fmnist")).provenance().config().optimizer())
                .isEqualTo(OptimizerConfig.AdamW.keras().withAmsgrad(true));
        Cli.Result bad = train("--epochs", "1", "--optimizer", "sgd", "--amsgrad");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--amsgrad applies to adam and adamw");
        Cli.Result noVal = train("--epochs", "2", "--early-stopping", "2");
        assertThat(noVal.code()).isNotZero();
        assertThat(noVal.err()).contains("monitors val_loss but training has no validation set")
                .contains("--validation-split");
    }
}
