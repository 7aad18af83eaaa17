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
}
