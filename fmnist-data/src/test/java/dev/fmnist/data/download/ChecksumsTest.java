package dev.fmnist.data.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.data.files.DataFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
    @Test
    void reportsMissingFilesAndKnownSums(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(DataFile.TEST_LABELS.fileName()), "abc".getBytes(StandardCharsets.US_ASCII));
        var checks = Checksums.verify(dir);
        assertThat(checks).hasSize(4);
        assertThat(checks.get(0).status()).isEqualTo(Checksums.Status.MISSING);
        assertThat(checks.get(3).status()).isEqualTo(Checksums.Status.MISMATCH);
        assertThat(checks.get(3).actualMd5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(Checksums.Status.CONTENT_OK.genuine()).isTrue();
        assertThat(Checksums.Status.MISMATCH.genuine()).isFalse();
    }

    @Test
    void aGenuineFileWithJunkAppendedIsAMismatch(@TempDir Path dir) throws IOException {
        // Issue 16, item 13: the JDK's gzip reader stops silently at junk, so this passed 'data verify'.
        Path real = Path.of("/usr/share/datasets/fashion-mnist", DataFile.TEST_LABELS.fileName());
        Assumptions.assumeTrue(Files.isRegularFile(real), "the real Fashion-MNIST test labels are absent; skipped");
        Path copy = dir.resolve(DataFile.TEST_LABELS.fileName());
        Files.copy(real, copy);
        assertThat(Checksums.verify(dir).get(3).status().genuine()).isTrue();

        Files.write(copy, "junk".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        assertThat(Checksums.verify(dir).get(3).status()).isEqualTo(Checksums.Status.MISMATCH);
    }
}
