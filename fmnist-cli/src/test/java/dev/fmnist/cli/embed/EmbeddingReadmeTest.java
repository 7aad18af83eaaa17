package dev.fmnist.cli.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.classify.Classification;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.cli.testing.ChildCli;
import dev.fmnist.cli.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding snippets, compiled and run exactly as written: the first must train, evaluate,
 * predict and save, the second classify a picture with the saved model as the library's classifier does. It runs in a child JVM with the CLI's run-time class path (the API, the data module and the
 * backends, as a Maven user would have them) and FMNIST_DATA pointing at the synthetic data, so it is fast.
 */
class EmbeddingReadmeTest {
    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path dir;

    /** The Java code of each ```java fence between the embed markers, in order. */
    static List<String> snippets() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("<!-- embed:start -->");
        int end = readme.indexOf("<!-- embed:end -->");
        assertThat(start).as("embed markers in README.md").isNotNegative().isLessThan(end);
        Matcher java = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        List<String> found = new ArrayList<>();
        while (java.find()) {
            found.add(java.group(1));
        }
        assertThat(found).as("```java fences between the embed markers").hasSize(2);
        return found;
    }

    /** Compiles a snippet into {@code classes} and returns its class name. */
    private String compile(String code, Path classes) throws IOException {
        Matcher name = Pattern.compile("public class (\\w+)").matcher(code);
        assertThat(name.find()).isTrue();
        String className = name.group(1);
        Path source = Files.createDirectories(dir.resolve("src")).resolve(className + ".java");
        Files.writeString(source, code);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int compiled = compiler.run(null, null, null, "-d", classes.toString(), "-cp", ChildCli.classPath(),
                source.toString());
        assertThat(compiled).as("the README snippet " + className + " compiles").isZero();
        return className;
    }

    /** Runs a compiled snippet in a child JVM on the synthetic data; returns its output. */
    private String run(Path classes, String className, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-cp",
                classes + java.io.File.pathSeparator + ChildCli.classPath(), className));
        command.addAll(List.of(args));
        Path out = dir.resolve(className + ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FMNIST_"));
        pb.environment().put("FMNIST_DATA", Fixtures.data().toString());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(out);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theReadmeSnippetsTrainPredictSaveAndClassifyAPicture() throws IOException, InterruptedException {
        List<String> code = snippets();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String tutorial = compile(code.get(0), classes);
        String classify = compile(code.get(1), classes);
        String output = run(classes, tutorial);

        Matcher accuracy = Pattern.compile("test accuracy: ([0-9.]+)").matcher(output);
        assertThat(accuracy.find()).as(output).isTrue();
        assertThat(Double.parseDouble(accuracy.group(1))).isGreaterThan(0.8);
        assertThat(output).containsPattern("first test image: .+ \\(true: "
                + Pattern.quote(FashionClass.ofLabel(SyntheticData.test().label(0))
                        .displayName()) + "\\)");
        SavedModel saved = ModelFile.read(dir.resolve("tutorial.fmnist"));
        assertThat(saved.provenance().backend()).isEqualTo("pure");
        assertThat(saved.history().epochs()).hasSize(5);

        // A photo-like picture (dark on light, 4x larger) of a test image, classified by the second snippet
        // as the library classifies it in this JVM.
        Path picture = dir.resolve("picture.png");
        ImageIO.write(photoOf(SyntheticData.test().image(0)), "png", picture.toFile());
        String classified = run(classes, classify, "tutorial.fmnist", picture.toString());
        Classification expected;
        try (BackendRegistry registry = BackendRegistry.load();
                Model model = registry.backend("pure").load(saved.spec(), saved.weights(), saved.provenance())) {
            expected = Classifier.of(model).classify(picture, 3);
        }
        assertThat(classified).containsPattern("(?m)^" + Pattern.quote(picture + ": " + expected.best().displayName()) + "$");
        for (Prediction.Ranked r : expected.top()) {
            assertThat(classified).containsPattern(Pattern.quote(r.fashionClass().displayName()) + " +"
                    + Pattern.quote(String.format("%.3f", r.probability())));
        }
        assertThat(classified).contains("prepared: 112x112, inverted (light background)");
    }

    /** A 28x28 image as a dark-on-light picture four times the size. */
    private static BufferedImage photoOf(byte[] pixels) {
        BufferedImage image = new BufferedImage(112, 112, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 112; x++) {
                int v = 255 - (pixels[(y / 4) * 28 + x / 4] & 0xff);
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }
}
