package dev.fmnist.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.ModelFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The header's own format version must be one this build knows, and agree with the preamble's. */
class HeaderVersionTest {
    /** A valid file whose JSON header is edited, with lengths and CRC made consistent again. */
    private static byte[] withHeader(java.util.function.UnaryOperator<String> edit) {
        byte[] bytes = ModelFile.encode(ModelFileTest.sample());
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int headerLength = in.getInt(12);
        String header = new String(bytes, 16, headerLength, StandardCharsets.UTF_8);
        byte[] json = edit.apply(header).getBytes(StandardCharsets.UTF_8);
        int data = bytes.length - 16 - headerLength - 4;
        ByteBuffer out = ByteBuffer.allocate(16 + json.length + data + 4);
        out.put(bytes, 0, 12).putInt(json.length).put(json).put(bytes, 16 + headerLength, data);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    @Test
    void theUneditedFileReads() {
        assertThat(ModelFile.decode(withHeader(h -> h)).spec()).isEqualTo(ModelFileTest.sample().spec());
    }

    @Test
    void anUnknownHeaderVersionIsRefused() {
        assertThatThrownBy(() -> ModelFile.decode(withHeader(h -> h.replaceFirst("\"version\": \\d+,", "\"version\": 99,"))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("version 99");
    }

    @Test
    void aMissingHeaderVersionIsRefused() {
        assertThatThrownBy(() -> ModelFile.decode(withHeader(h -> h.replaceFirst("\"version\": \\d+,", ""))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("version");
    }

    @Test
    void aDuplicatedKeyInTheHeaderIsRefused() {
        assertThatThrownBy(() -> ModelFile.decode(withHeader(h -> h.replaceFirst("\"version\": (\\d+),",
                "\"version\": $1, \"version\": $1,")))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("duplicate key 'version'");
    }
}
