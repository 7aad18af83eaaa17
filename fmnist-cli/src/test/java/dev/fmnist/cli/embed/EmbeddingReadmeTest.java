package dev.fmnist.cli.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.cli.testing.ChildCli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding snippet, compiled and run exactly as written: it must train, evaluate, predict and
 * save. It runs in a child JVM with the CLI's run-time class path (the API, the data module and the
 * backends, as a Maven user would have them) and FMNIST_DATA pointing at the synthetic data, so it is fast.
 */
class EmbeddingReadmeTest {
    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path dir;

    /** The Java code between the embed markers, in a ```java fence. */
    static String snippet() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("<!-- embed:start -->");
        int end = readme.indexOf("<!-- embed:end -->");
        assertThat(start).as("embed markers in README.md").isNotNegative().isLessThan(end);
        Matcher java = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        assertThat(java.find()).as("a ```java fence between the embed markers").isTrue();
        return java.group(1);
    }

    @Test
    void theReadmeSnippetTrainsPredictsAndSaves() throws IOException, InterruptedException {
        String code = snippet();
        Matcher name = Pattern.compile("public class (\\w+)").matcher(code);
        assertThat(name.find()).isTrue();
        String className = name.group(1);
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = sources.resolve(className + ".java");
        Files.writeString(source, code);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int compiled = compiler.run(null, null, null, "-d", classes.toString(), "-cp", ChildCli.classPath(),
                source.toString());
        assertThat(compiled).as("the README snippet compiles").isZero();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-modules", "jdk.incubator.vector", "-cp",
                classes + java.io.File.pathSeparator + ChildCli.classPath(), className));
        Path out = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FMNIST_"));
        pb.environment().put("FMNIST_DATA", Fixtures.data().toString());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(out);
        assertThat(p.exitValue()).as(output).isZero();

        Matcher accuracy = Pattern.compile("test accuracy: ([0-9.]+)").matcher(output);
        assertThat(accuracy.find()).as(output).isTrue();
        assertThat(Double.parseDouble(accuracy.group(1))).isGreaterThan(0.8);
        assertThat(output).containsPattern("first test image: .+ \\(true: "
                + Pattern.quote(FashionClass.ofLabel(dev.fmnist.api.testing.SyntheticData.test().label(0))
                        .displayName()) + "\\)");
        SavedModel saved = ModelFile.read(dir.resolve("tutorial.fmnist"));
        assertThat(saved.provenance().backend()).isEqualTo("pure");
        assertThat(saved.history().epochs()).hasSize(5);
    }
}
