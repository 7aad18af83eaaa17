package dev.fmnist.keras.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An ONNX graph under construction: nodes, float32 and int64 initializers, one input and one output. */
final class OnnxGraph {
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;

    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private int counter;

    /** A fresh value name. */
    String fresh(String base) {
        return base + "_" + counter++;
    }

    /** Adds a float32 constant. */
    String constant(String name, int[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        Protobuf t = new Protobuf();
        for (int d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT).string(8, name).bytes(9, b.array());
        initializers.add(t);
        return name;
    }

    /** Adds an int64 constant. */
    String constant(String name, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        Protobuf t = new Protobuf().varint(1, values.length).varint(2, INT64).string(8, name).bytes(9, b.array());
        initializers.add(t);
        return name;
    }

    /** A node with one output; attributes via {@link Node}. */
    Node node(String opType, String... inputs) {
        return new Node(opType, inputs);
    }

    /** The ModelProto bytes. */
    byte[] model(String input, long[] inputDims, String output, int outputWidth, int opset, String producer) {
        Protobuf graph = new Protobuf();
        for (Protobuf n : nodes) {
            graph.message(1, n);
        }
        graph.string(2, "fmnist");
        for (Protobuf t : initializers) {
            graph.message(5, t);
        }
        graph.message(11, valueInfo(input, inputDims));
        graph.message(12, valueInfo(output, new long[] {-1, outputWidth}));
        return new Protobuf().varint(1, 7).string(2, producer).string(3, "1")
                .message(7, graph).message(8, new Protobuf().string(1, "").varint(2, opset)).toByteArray();
    }

    /** A float tensor's type; -1 is the symbolic batch dimension {@code N}. */
    private static Protobuf valueInfo(String name, long[] dims) {
        Protobuf shape = new Protobuf();
        for (long d : dims) {
            shape.message(1, d < 0 ? new Protobuf().string(2, "N") : new Protobuf().varint(1, d));
        }
        Protobuf tensor = new Protobuf().varint(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensor));
    }

    /** A node being built. */
    final class Node {
        private final Protobuf proto = new Protobuf();
        private final String opType;
        private final List<Protobuf> attributes = new ArrayList<>();

        private Node(String opType, String[] inputs) {
            this.opType = opType;
            for (String in : inputs) {
                proto.string(1, in);
            }
        }

        Node ints(String name, long... values) {
            Protobuf a = new Protobuf().string(1, name).varint(20, ATTR_INTS);
            for (long v : values) {
                a.varint(8, v);
            }
            attributes.add(a);
            return this;
        }

        Node integer(String name, long value) {
            attributes.add(new Protobuf().string(1, name).varint(20, ATTR_INT).varint(3, value));
            return this;
        }

        Node real(String name, float value) {
            attributes.add(new Protobuf().string(1, name).varint(20, ATTR_FLOAT).float32(2, value));
            return this;
        }

        Node text(String name, String value) {
            attributes.add(new Protobuf().string(1, name).varint(20, ATTR_STRING)
                    .bytes(4, value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /** Adds the node and returns its output's name. */
        String output(String name) {
            proto.string(2, name).string(3, name).string(4, opType);
            for (Protobuf a : attributes) {
                proto.message(5, a);
            }
            nodes.add(proto);
            return name;
        }

        /** Adds the node with a fresh output name. */
        String out() {
            return output(fresh(opType.toLowerCase(Locale.ROOT)));
        }
    }
}
