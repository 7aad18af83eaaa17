package dev.fmnist.keras.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protocol-buffers encoder: varints, fixed32 floats, and length-delimited strings, bytes and messages. */
final class Protobuf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A varint field (int32, int64, enum). */
    Protobuf varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    /** A fixed32 float field. */
    Protobuf float32(int field, float value) {
        tag(field, 5);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    /** A length-delimited field of bytes. */
    Protobuf bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    /** A string field. */
    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An embedded message field. */
    Protobuf message(int field, Protobuf value) {
        return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
