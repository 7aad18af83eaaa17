package dev.fmnist.data.idx;

import static dev.fmnist.data.testing.IdxFixtures.gzip;
import static dev.fmnist.data.testing.IdxFixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 13: junk after the gzip data and a cut header are errors that say so. */
class StrictGzipTest {
    @TempDir
    Path dir;

    private static byte[] inflate(byte[] gz) throws IOException {
        try (StrictGzipInputStream in = new StrictGzipInputStream(new ByteArrayInputStream(gz), 512)) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void readsOneMemberAndConcatenatedMembers() throws IOException {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        assertThat(inflate(gzip(data))).isEqualTo(data);
        byte[] two = concat(gzip(Arrays.copyOf(data, 10)), gzip(Arrays.copyOfRange(data, 10, data.length)));
        assertThat(inflate(two)).isEqualTo(data);
    }

    @Test
    void junkAfterTheGzipDataIsAnError() {
        byte[] junk = concat(gzip(new byte[] {1, 2, 3}), "trailing junk".getBytes());
        assertThatThrownBy(() -> inflate(junk)).isInstanceOf(ZipException.class)
                .hasMessage("data after the end of the gzip stream");
        byte[] halfHeader = concat(gzip(new byte[] {1, 2, 3}), new byte[] {0x1f, (byte) 0x8b, 8});
        assertThatThrownBy(() -> inflate(halfHeader)).isInstanceOf(ZipException.class)
                .hasMessageContaining("data after the end of the gzip stream");
    }

    @Test
    void aCutOrCorruptStreamIsAnError() {
        byte[] gz = gzip(new byte[1000]);
        assertThatThrownBy(() -> inflate(Arrays.copyOf(gz, 5))).hasMessage("truncated gzip header");
        assertThatThrownBy(() -> inflate(Arrays.copyOf(gz, gz.length - 3))).hasMessageContaining("truncated gzip");
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 6] ^= 1;
        assertThatThrownBy(() -> inflate(badCrc)).hasMessageContaining("CRC-32 mismatch");
    }

    @Test
    void theIdxReaderRefusesTrailingJunkAndNamesACutHeader() throws IOException {
        Path junk = dir.resolve("junk-labels.gz");
        Files.write(junk, concat(gzip(labels(0x801, 2, new byte[] {1, 2})), "junk".getBytes()));
        assertThatThrownBy(() -> IdxReader.readLabels(junk)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("data after the end of the gzip stream");

        Path cut = dir.resolve("cut-labels.gz");
        Files.write(cut, Arrays.copyOf(gzip(labels(0x801, 2, new byte[] {1, 2})), 6));
        assertThatThrownBy(() -> IdxReader.readLabels(cut)).isInstanceOf(InvalidDataException.class)
                .hasMessage(cut + ": corrupt gzip header: truncated gzip header")
                .hasMessageNotContaining("null");
    }

    @Test
    void writesNothingWhenGivenNothing() throws IOException {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        assertThatThrownBy(() -> inflate(empty.toByteArray())).isInstanceOf(ZipException.class);
    }
}
