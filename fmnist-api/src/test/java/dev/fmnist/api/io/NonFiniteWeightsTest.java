package dev.fmnist.api.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** A weight that is NaN or infinite makes backends disagree; such files are neither read nor written. */
class NonFiniteWeightsTest {
    /** A valid file whose float number {@code index} of the tensor data is replaced, CRC recomputed. */
    private static byte[] withWeight(int index, float value) {
        byte[] bytes = ModelFile.encode(ModelFileTest.sample());
        int headerLength = ByteBuffer.wrap(bytes).getInt(12);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(16 + headerLength + index * 4, value);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    @Test
    void aNanWeightWithAValidChecksumIsRefusedOnLoad() {
        assertThatThrownBy(() -> ModelFile.decode(withWeight(17, Float.NaN)))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("dense/kernel")
                .hasMessageContaining("NaN");
    }

    @Test
    void anInfiniteBiasIsRefusedOnLoad() {
        int lastKernel = 784 * 128;
        assertThatThrownBy(() -> ModelFile.decode(withWeight(lastKernel + 3, Float.NEGATIVE_INFINITY)))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("dense/bias")
                .hasMessageContaining("Infinity");
    }

    @Test
    void nonFiniteWeightsAreNeverWritten() {
        SavedModel sample = ModelFileTest.sample();
        List<Tensor> tensors = new ArrayList<>(sample.weights().tensors());
        Tensor first = tensors.get(0);
        float[] data = first.data().clone();
        data[5] = Float.POSITIVE_INFINITY;
        tensors.set(0, new Tensor(first.name(), first.shape(), data));
        SavedModel bad = new SavedModel(sample.spec(), new Weights(tensors), sample.provenance(), sample.history());

        assertThatThrownBy(() -> ModelFile.encode(bad)).isInstanceOf(FmnistException.class)
                .hasMessageContaining("Infinity");
    }
}
