package dev.fmnist.data.idx;

import static dev.fmnist.data.testing.IdxFixtures.gzip;
import static dev.fmnist.data.testing.IdxFixtures.images;
import static dev.fmnist.data.testing.IdxFixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static byte[] pixels(int images) {
        byte[] p = new byte[images * 784];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 7);
        }
        return p;
    }

    @Test
    void readsGzipAndRawImagesAlike() throws IOException {
        byte[] content = images(0x803, 3, 28, 28, pixels(3));
        IdxImages fromGzip = IdxReader.readImages(write("a-images.gz", gzip(content)));
        IdxImages fromRaw = IdxReader.readImages(write("a-images", content));
        assertThat(fromGzip.count()).isEqualTo(3);
        assertThat(fromGzip.rows()).isEqualTo(28);
        assertThat(fromGzip.pixels()).containsExactly(pixels(3));
        assertThat(fromRaw.pixels()).containsExactly(fromGzip.pixels());
    }

    @Test
    void readsLabels() throws IOException {
        byte[] l = {0, 9, 3, 3};
        assertThat(IdxReader.readLabels(write("l.gz", gzip(labels(0x801, 4, l))))).containsExactly(l);
    }

    @Test
    void rejectsALabelFileGivenAsImages() throws IOException {
        Path p = write("labels.gz", gzip(labels(0x801, 2, new byte[] {1, 2})));
        assertThatThrownBy(() -> IdxReader.readImages(p)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("not an IDX image file");
    }

    @Test
    void rejectsWrongImageDimensions() throws IOException {
        Path p = write("small.gz", gzip(images(0x803, 1, 14, 14, new byte[196])));
        assertThatThrownBy(() -> IdxReader.readImages(p)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("14x14").hasMessageContaining("expected 28x28");
    }

    @Test
    void rejectsTruncatedImages() throws IOException {
        byte[] full = images(0x803, 5, 28, 28, pixels(5));
        Path p = write("cut.gz", gzip(Arrays.copyOf(full, 16 + 2 * 784 + 100)));
        assertThatThrownBy(() -> IdxReader.readImages(p)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("truncated").hasMessageContaining("promises 5 images")
                .hasMessageContaining("only 2");
    }

    @Test
    void rejectsATruncatedGzipStream() throws IOException {
        byte[] gz = gzip(images(0x803, 50, 28, 28, pixels(50)));
        Path p = write("cut-stream.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(p)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(p.toString());
    }

    @Test
    void rejectsAnAbsurdHeaderWithoutAllocatingIt() throws IOException {
        Path raw = write("huge", images(0x803, 2_000_000_000, 28, 28, new byte[10]));
        assertThatThrownBy(() -> IdxReader.readImages(raw)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("claims 2000000000 items");
        Path gz = write("huge.gz", gzip(images(0x803, 2_000_000, 28, 28, new byte[10])));
        assertThatThrownBy(() -> IdxReader.readImages(gz)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("claims 2000000 items");
        Path negative = write("neg", labels(0x801, -5, new byte[0]));
        assertThatThrownBy(() -> IdxReader.readLabels(negative)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void rejectsNonGzipDataNamedGz() throws IOException {
        Path p = write("fake.gz", "this is not gzip at all".getBytes());
        assertThatThrownBy(() -> IdxReader.readImages(p)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not gzip");
    }

    @Test
    void rejectsLabelsOutOfRange() throws IOException {
        Path p = write("bad-labels", labels(0x801, 3, new byte[] {1, 10, 2}));
        assertThatThrownBy(() -> IdxReader.readLabels(p)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("label 10 at index 1");
    }

    @Test
    void rejectsTrailingData() throws IOException {
        byte[] content = images(0x803, 1, 28, 28, pixels(2));
        Path p = write("extra", content);
        assertThatThrownBy(() -> IdxReader.readImages(p)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("after the items");
    }

    @Test
    void rejectsAnEmptyFileAndAMissingOne() throws IOException {
        Path empty = write("empty", new byte[0]);
        assertThatThrownBy(() -> IdxReader.readLabels(empty)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("truncated IDX header");
        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("absent.gz")))
                .isInstanceOf(StorageException.class).hasMessageContaining("does not exist");
    }
}
