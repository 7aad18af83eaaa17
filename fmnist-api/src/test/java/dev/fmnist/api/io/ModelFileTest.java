package dev.fmnist.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    static SavedModel sample() {
        ModelSpec spec = ModelSpec.mlp();
        Provenance provenance = Provenance.now("pure", "1.0", TrainingConfig.defaults(), "fashion-mnist/train",
                "ab".repeat(32), Map.of("test_accuracy", 0.88), true, 5);
        History history = new History(List.of(new EpochStats(1, 0.5, 0.82, 0.45, 0.84, 60000, 1_000_000_000L)));
        return new SavedModel(spec, Initializers.glorotUniform(spec, 3), provenance, history);
    }

    @Test
    void roundTripsEverything() {
        Path file = dir.resolve("m.fmnist");
        SavedModel original = sample();
        ModelFile.write(file, original);
        SavedModel read = ModelFile.read(file);
        assertThat(read.spec()).isEqualTo(original.spec());
        assertThat(read.weights()).isEqualTo(original.weights());
        assertThat(read.provenance()).isEqualTo(original.provenance());
        assertThat(read.history()).isEqualTo(original.history());
    }

    @Test
    void storesTensorsAsDocumented() throws IOException {
        Path file = dir.resolve("m.fmnist");
        SavedModel model = sample();
        ModelFile.write(file, model);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo("FMNISTMF".getBytes(StandardCharsets.US_ASCII));
        assertThat(buf.getInt(8)).isEqualTo(2);
        int header = buf.getInt(12);
        String json = new String(bytes, 16, header, StandardCharsets.UTF_8);
        assertThat(json).contains("\"dense/kernel\"").contains("\"trainable\": true").contains("\"float32\"").contains("\"provenance\"");
        // The first kernel value, little-endian right after the header.
        float first = ByteBuffer.wrap(bytes, 16 + header, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat();
        assertThat(first).isEqualTo(model.weights().kernel(0)[0]);
        assertThat(bytes.length).isEqualTo(16 + header + 101_770 * 4 + 4);
    }

    @Test
    void rejectsAForeignFile() throws IOException {
        Path file = dir.resolve("photo.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1});
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not an fmnist model file");
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        Path file = dir.resolve("m.fmnist");
        ModelFile.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1000));
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("corrupt or truncated");
    }

    @Test
    void rejectsAFlippedBit() throws IOException {
        Path file = dir.resolve("m.fmnist");
        ModelFile.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5000] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void rejectsAnAbsurdHeaderLengthBeforeAllocating() throws IOException {
        Path file = dir.resolve("m.fmnist");
        ByteBuffer buf = ByteBuffer.allocate(24);
        buf.put(ModelFile.MAGIC).putInt(1).putInt(Integer.MAX_VALUE);
        Files.write(file, buf.array());
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("header length 2147483647");
    }

    @Test
    void carriesTheOptimizerStateAsNamedTensorsInVersionThree() throws IOException {
        SavedModel plain = sample();
        List<Tensor> slots = new java.util.ArrayList<>();
        for (Tensor t : plain.weights().tensors()) {
            float[] m = t.data().clone();
            m[0] = 0.25f;
            slots.add(new Tensor(t.name() + "/momentum", t.shape(), m));
            slots.add(new Tensor(t.name() + "/velocity", t.shape(), new float[t.data().length]));
        }
        dev.fmnist.api.training.OptimizerState state = new dev.fmnist.api.training.OptimizerState("adam", 9375,
                5e-4, slots);
        SavedModel withState = new SavedModel(plain.spec(), plain.weights(), plain.provenance(),
                plain.history().withBest("val_loss", 1).withStopped(1).withTest(0.35, 0.87), state);
        Path file = dir.resolve("s.fmnist");
        ModelFile.write(file, withState);
        assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8)).isEqualTo(3);
        SavedModel read = ModelFile.read(file);
        assertThat(read.weights()).isEqualTo(plain.weights());
        assertThat(read.optimizer()).isEqualTo(state);
        assertThat(read.history()).isEqualTo(withState.history());
        assertThat(read.resumePoint().epoch()).isEqualTo(1);
        assertThat(ByteBuffer.wrap(ModelFile.encode(plain)).getInt(8)).as("no state: version 2").isEqualTo(2);
    }

    @Test
    void rejectsOptimizerTensorsOfNoParameter() {
        SavedModel plain = sample();
        dev.fmnist.api.training.OptimizerState state = new dev.fmnist.api.training.OptimizerState("adam", 1, 1e-3,
                List.of(new Tensor("dense_9/kernel/momentum", new int[] {2}, new float[2])));
        byte[] bytes = ModelFile.encode(new SavedModel(plain.spec(), plain.weights(), plain.provenance(),
                plain.history(), state));
        assertThatThrownBy(() -> ModelFile.decode(bytes)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("dense_9/kernel/momentum matches no parameter");
    }

    @Test
    void rejectsANewerFormatVersion() throws IOException {
        Path file = dir.resolve("m.fmnist");
        byte[] bytes = ModelFile.encode(sample());
        int newer = ModelFile.FORMAT_VERSION + 1;
        ByteBuffer.wrap(bytes).putInt(8, newer);
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("format version " + newer + " is not supported");
    }

    @Test
    void rejectsTensorsThatDoNotMatchTheDescription() {
        SavedModel good = sample();
        List<Tensor> tensors = good.weights().tensors();
        tensors.set(3, new Tensor("dense_1/bias", new int[] {11}, new float[11]));
        SavedModel bad = new SavedModel(good.spec(), new Weights(tensors), good.provenance(), good.history());
        assertThatThrownBy(() -> ModelFile.decode(ModelFile.encode(bad))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("dense_1/bias");
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("m.fmnist");
        Files.writeString(file, "old content");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).isInstanceOf(StorageException.class).hasMessageContaining("disk full");
        assertThat(Files.readString(file)).isEqualTo("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anUnwritableLocationIsAOneLineError() throws IOException {
        // A regular file where a directory should be: fails for every user, root included.
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> ModelFile.write(blocker.resolve("sub/m.fmnist"), sample()))
                .isInstanceOf(StorageException.class).hasMessageContaining("cannot write")
                .hasMessageNotContaining("\n");
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void writingOverADirectoryFails() throws IOException {
        Path target = dir.resolve("adir");
        Files.createDirectories(target);
        assertThatThrownBy(() -> ModelFile.write(target, sample())).isInstanceOf(StorageException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void aMissingFileIsAStorageError() {
        assertThatThrownBy(() -> ModelFile.read(dir.resolve("none.fmnist"))).isInstanceOf(StorageException.class)
                .hasMessageContaining("does not exist");
    }
}
