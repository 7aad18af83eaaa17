package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void evaluatesOnTheBackendThatTrainedTheModel() {
        Cli.Result r = Cli.in(dir).run("evaluate", "--model", Fixtures.model().toString(), "--data",
                Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Backend: fake").contains("trained by fake").contains("Images: 500")
                .contains("Confusion matrix");
        double trained = ModelFile.read(Fixtures.model()).provenance().metrics().get("test_accuracy");
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "Accuracy: %.4f", trained));
    }

    @Test
    void theSpeedIsOfAWarmModelAndSaysSo() {
        // Issue 16, item 17: a cold pass was reported as the model's images/s.
        Cli.Result r = Cli.in(dir).run("evaluate", "--model", Fixtures.model().toString(), "--data",
                Fixtures.data().toString());
        assertThat(r.out()).containsPattern("Evaluated 500 images in [0-9.]+s \\([0-9,]+ images/s in batches of 1,000, "
                + "after [0-9,]+ warm-up images\\)");

        Cli.Result json = Cli.in(dir).run("evaluate", "--model", Fixtures.model().toString(), "--data",
                Fixtures.data().toString(), "--json");
        Map<String, Object> doc = Json.parseObject(json.out());
        assertThat(JsonFields.integer(doc, "warm_up_images")).isBetween(500L, 30 * 500L)
                .matches(n -> n % 500 == 0, "whole batches of the 500 test images");
        assertThat(JsonFields.number(doc, "images_per_second")).isPositive();
    }

    @Test
    void jsonHasTheEvaluationAndProvenance() {
        Cli.Result r = Cli.in(dir).run("evaluate", "--model", Fixtures.model().toString(), "--data",
                Fixtures.data().toString(), "--backend", "fake", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> doc = Json.parseObject(r.out());
        Map<String, Object> evaluation = JsonFields.object(doc, "evaluation");
        assertThat(JsonFields.integer(evaluation, "count")).isEqualTo(500);
        assertThat(JsonFields.array(evaluation, "confusion")).hasSize(10);
        assertThat(JsonFields.array(evaluation, "per_class")).hasSize(10);
        assertThat(JsonFields.object(doc, "provenance").get("backend")).isEqualTo("fake");
        assertThat(doc.get("backend")).isEqualTo("fake");
    }

    @Test
    void aModelFromAnUninstalledBackendRunsOnTheDefaultWithANote() {
        // A "tiny"-trained model (the plugin backend) evaluated without the plugin: falls back to the default.
        Path file = dir.resolve("tiny.fmnist");
        var saved = ModelFile.read(Fixtures.model());
        var p = saved.provenance();
        var renamed = new dev.fmnist.api.model.Provenance("tiny", "1", p.fmnistVersion(), p.config(), p.dataName(),
                p.dataSha256(), p.metrics(), p.created(), p.jvm(), p.os(), p.complete(), p.epochsCompleted());
        ModelFile.write(file, new dev.fmnist.api.io.SavedModel(saved.spec(), saved.weights(), renamed,
                saved.history()));

        Cli.Result r = Cli.in(dir).withEnv("FMNIST_BACKEND", "fake").run("evaluate", "--model", "tiny.fmnist",
                "--data", Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("fmnist: note: the model was trained with 'tiny', which is not installed; "
                + "using 'fake'" + System.lineSeparator());
        assertThat(r.out()).contains("Backend: fake");
    }

    @Test
    void aNetworkItsTrainerCannotRunFallsBackToABackendThatRunsItOrIsRefusedNamingTheLayer() {
        Path file = dir.resolve("cnn.fmnist");
        var p = ModelFile.read(Fixtures.model()).provenance();
        dev.fmnist.api.model.ModelSpec cnn = dev.fmnist.api.model.ModelSpec.cnn();
        ModelFile.write(file, new dev.fmnist.api.io.SavedModel(cnn,
                dev.fmnist.api.model.Initializers.glorotUniform(cnn, 1), p, dev.fmnist.api.training.History.empty()));
        java.util.Optional<String> runner;
        try (var registry = dev.fmnist.api.spi.BackendRegistry.load()) {
            runner = registry.providers().stream().filter(b -> b.availability().available()
                    && b.capabilities().supports(cnn)).map(b -> b.name()).findFirst();
        }

        Cli.Result r = Cli.in(dir).withEnv("FMNIST_BACKEND", "fake").run("evaluate", "--model", "cnn.fmnist",
                "--data", Fixtures.data().toString());

        assertThat(r.err()).startsWith("fmnist: note: the model was trained with 'fake', which cannot run this "
                + "network (layer 1 (Conv2D 'conv2d'): Conv2D layers are not supported");
        if (runner.isPresent()) {
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("using '" + runner.get() + "'");
        } else {
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.errLines()).hasSize(2);
            assertThat(r.errLines().get(1)).isEqualTo("fmnist: backend 'fake' cannot run model 'cnn': layer 1 "
                    + "(Conv2D 'conv2d'): Conv2D layers are not supported (supported: Flatten, Dense)");
        }
    }
}
