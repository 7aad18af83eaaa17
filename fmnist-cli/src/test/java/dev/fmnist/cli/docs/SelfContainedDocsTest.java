package dev.fmnist.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A clone holds everything its README, poms, docs and code cite: nothing points outside the repository. */
class SelfContainedDocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static boolean checked(Path p) {
        String rel = ROOT.relativize(p).toString().replace('\\', '/');
        return !rel.contains("/target/") && !rel.startsWith(".") && !rel.contains("/src/test/")
                && (rel.endsWith(".md") || rel.endsWith(".xml") || rel.endsWith(".java") || rel.equals("fmnist"));
    }

    private static boolean citesOutside(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            return text.contains("shared/ENVIRONMENT") || text.contains("../shared") || text.contains("/work/shared");
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nothingOutsideTestsCitesTheSharedFolder() throws IOException {
        assertThat(ROOT.resolve("pom.xml")).exists();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(ROOT)) {
            offenders = files.filter(Files::isRegularFile).filter(SelfContainedDocsTest::checked)
                    .filter(SelfContainedDocsTest::citesOutside).map(p -> ROOT.relativize(p).toString()).toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(ROOT.resolve("docs/ENVIRONMENT-NOTES.md")).exists();
    }
}
