package dev.fmnist.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.keras.testing.Fixtures;
import dev.fmnist.keras.testing.Models;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt, truncated and hostile files give one-line errors naming the problem, never a crash or an OOM. */
class HostileFilesTest {
    @TempDir
    Path dir;

    private Path h5() {
        Path file = dir.resolve("m.h5");
        ModelFiles.write(file, Models.of(ModelSpec.mlp(), 1));
        return file;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Path file) {
        return assertThatThrownBy(() -> ModelFiles.read(file)).isInstanceOf(FmnistException.class)
                .hasMessageNotContaining("\n").hasMessageContaining(file.getFileName().toString());
    }

    /** The file with the first occurrence of {@code from} replaced by {@code to} (same length). */
    private static Path patched(Path file, byte[] from, byte[] to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
                Path out = file.resolveSibling("patched-" + file.getFileName());
                Files.write(out, bytes);
                return out;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private static byte[] dims(long... d) {
        ByteBuffer b = ByteBuffer.allocate(8 * d.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : d) {
            b.putLong(x);
        }
        return b.array();
    }

    @Test
    void truncatedHdf5() throws IOException {
        Path file = h5();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(bytes, bytes.length / 2));
        fails(cut).isInstanceOf(ModelFormatException.class);
        Path head = Files.write(dir.resolve("head.h5"), Arrays.copyOf(bytes, 200));
        fails(head).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void garbageAfterTheHdf5Signature() throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, bytes, 0, 8);
        fails(Files.write(dir.resolve("garbage.h5"), bytes)).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void absurdDimensionsAreRefusedBeforeAllocating() throws IOException {
        fails(patched(h5(), dims(784, 128), dims(1L << 40, 128))).isInstanceOf(ModelFormatException.class);
        fails(patched(h5(), dims(784, 128), dims(784, 1 << 20))).hasMessageContaining("absurd shape");
    }

    @Test
    void aDatasetLargerThanTheFileIsTruncation() throws IOException {
        fails(patched(h5(), dims(784, 128), dims(784, 4096))).hasMessageContaining("truncated");
    }

    @Test
    void weightsOfTheWrongShapeNameTheLayer() throws IOException {
        // dense_1's kernel claims (64, 10) where the model needs (128, 10); its bytes stay inside the file.
        fails(patched(h5(), dims(128, 10), dims(64, 10))).hasMessageContaining("dense_1")
                .hasMessageContaining("[64, 10]");
    }

    @Test
    void aCorruptModelConfig() throws IOException {
        fails(patched(h5(), "{\"class_name\":\"Sequential\"".getBytes(StandardCharsets.US_ASCII),
                "[\"class_name\":\"Sequential\"".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void tinyAndEmptyFiles() throws IOException {
        fails(Files.write(dir.resolve("empty.h5"), new byte[0])).hasMessageContaining("not an HDF5 file");
        fails(Files.write(dir.resolve("tiny.keras"), new byte[] {'P', 'K'})).hasMessageContaining("corrupt zip");
        fails(Files.write(dir.resolve("tiny.bin"), new byte[] {'P', 'K'})).hasMessageContaining("known format");
    }

    private Path keras() {
        Path file = dir.resolve("m.keras");
        ModelFiles.write(file, Models.of(ModelSpec.mlp(), 2));
        return file;
    }

    private Map<String, byte[]> members() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipFile(keras().toFile())) {
            for (String name : new String[] {"metadata.json", "config.json", "model.weights.h5"}) {
                m.put(name, zip.getInputStream(zip.getEntry(name)).readAllBytes());
            }
        }
        return m;
    }

    @Test
    void zipEntriesOutsideTheArchive() throws IOException {
        for (String evil : new String[] {"../evil.txt", "assets/../../evil", "/etc/evil", "C:\\evil", "a\\..\\..\\b"}) {
            Map<String, byte[]> m = members();
            m.put(evil, new byte[] {1});
            fails(Fixtures.zip(dir.resolve("evil.keras"), m)).hasMessageContaining("unsafe name");
        }
    }

    @Test
    void aZipBombIsRefusedWhileStreaming() throws IOException {
        Map<String, byte[]> m = members();
        m.put("model.weights.h5", new byte[64 << 20]);
        Path bomb = Fixtures.zip(dir.resolve("bomb.keras"), m);
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        fails(bomb).hasMessageContaining("zip bomb");
    }

    @Test
    void aZipWithoutTheKerasMembers() throws IOException {
        Map<String, byte[]> m = members();
        m.remove("config.json");
        fails(Fixtures.zip(dir.resolve("noconfig.keras"), m)).hasMessageContaining("config.json");
    }

    @Test
    void aTruncatedZip() throws IOException {
        byte[] bytes = Files.readAllBytes(keras());
        fails(Files.write(dir.resolve("cut.keras"), Arrays.copyOf(bytes, bytes.length / 2)));
    }

    @Test
    void aCorruptWeightsMemberInsideAZip() throws IOException {
        Map<String, byte[]> m = members();
        byte[] w = m.get("model.weights.h5");
        m.put("model.weights.h5", Arrays.copyOf(w, w.length / 3));
        fails(Fixtures.zip(dir.resolve("cutweights.keras"), m)).hasMessageContaining("model.weights.h5");
    }

    @Test
    void theGoodFilesStillRead() {
        SavedModel m = ModelFiles.read(h5());
        assertThat(m.weights()).isEqualTo(Models.of(ModelSpec.mlp(), 1).weights());
        assertThat(ModelFiles.read(keras()).weights()).isEqualTo(Models.of(ModelSpec.mlp(), 2).weights());
    }
}
