package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import dev.fmnist.data.locate.DataLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras files wherever a model file is accepted, and {@code fmnist convert}, through the API's format seam. */
class KerasFilesCommandTest {
    @TempDir
    Path dir;

    private Cli cli() {
        return Cli.in(dir).withEnv("FMNIST_BACKEND", "fake");
    }

    @Test
    void convertsToEveryFormatAndEvaluatesTheKerasFilesAlike() {
        String model = Fixtures.model().toString();
        for (String out : new String[] {"m.h5", "m.keras", "m.onnx", "again.fmnist"}) {
            String in = out.equals("again.fmnist") ? "m.keras" : model;
            Cli.Result r = cli().run("convert", in, out);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Converted").contains("101770 parameters");
            assertThat(dir.resolve(out)).isRegularFile();
        }
        double trained = ModelFile.read(Fixtures.model()).provenance().metrics().get("test_accuracy");
        String accuracy = String.format(Locale.ROOT, "Accuracy: %.4f", trained);
        for (String file : new String[] {"m.h5", "m.keras", "again.fmnist"}) {
            Cli.Result r = cli().run("evaluate", "--model", file, "--data", Fixtures.data().toString());
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).as(file).contains(accuracy).contains("imported from");
            assertThat(r.err()).doesNotContain("note");
        }
        assertThat(ModelFiles.read(dir.resolve("again.fmnist")).weights())
                .isEqualTo(ModelFile.read(Fixtures.model()).weights());
    }

    @Test
    void predictAndReportTakeKerasFilesToo() {
        assertThat(cli().run("convert", Fixtures.model().toString(), "m.h5").code()).isZero();
        Cli.Result predict = cli().run("predict", "--model", "m.h5", "--test-index", "0", "--data",
                Fixtures.data().toString());
        assertThat(predict.code()).as(predict.toString()).isZero();
        Cli.Result report = cli().run("report", "--model", "m.h5", "--data", Fixtures.data().toString(), "--out",
                "rep");
        assertThat(report.code()).as(report.toString()).isZero();
        assertThat(dir.resolve("rep/index.html")).isRegularFile();
    }

    @Test
    void aCorruptKerasFileIsOneLineAndExitOne() throws IOException {
        assertThat(cli().run("convert", Fixtures.model().toString(), "m.h5").code()).isZero();
        byte[] bytes = Files.readAllBytes(dir.resolve("m.h5"));
        Files.write(dir.resolve("cut.h5"), Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Result r = cli().run("evaluate", "--model", "cut.h5", "--data", Fixtures.data().toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("fmnist: ").contains("cut.h5");
    }

    @Test
    void convertNeverOverwritesItsInputAndNeedsAKnownExtension() throws IOException {
        assertThat(cli().run("convert", Fixtures.model().toString(), "m.h5").code()).isZero();
        byte[] before = Files.readAllBytes(dir.resolve("m.h5"));
        Cli.Result same = cli().run("convert", "m.h5", "./m.h5");
        assertThat(same.code()).isNotZero();
        assertThat(same.err()).contains("is the input file");
        assertThat(Files.readAllBytes(dir.resolve("m.h5"))).isEqualTo(before);
        Cli.Result unknown = cli().run("convert", "m.h5", "m.txt");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains(".keras").contains(".onnx");
        assertThat(dir.resolve("m.txt")).doesNotExist();
    }

    @Test
    void theTutorialsRealKerasFileOnEveryBackendsDefault() {
        String override = System.getProperty("fmnist.keras.samples");
        Path samples = override != null ? Path.of(override) : Path.of("..", "..", "shared", "keras-samples");
        Path file = samples.resolve("tutorial-mlp-keras2.6.h5").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), "Keras sample not found at " + file + "; skipped");
        Assumptions.assumeTrue(DataLocator.standard().find().isPresent(), "real Fashion-MNIST files not found");
        Cli.Result r = Cli.in(dir).run("evaluate", "--model", file.toString(), "--backend", "pure");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Accuracy: 0.8882").contains("Keras 2.6.0");
    }
}
