package dev.fmnist.keras.hdf5;

import dev.fmnist.api.error.UnsupportedModelException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link H5Tree} as the HDF5 library's oldest format, the one h5py writes for Keras: superblock
 * version 0, version 1 object headers, groups as symbol tables (a local heap of names, one v1 B-tree node,
 * one symbol table node), contiguous little-endian float32 datasets, fixed-length string attributes. Objects
 * are written children first, so every address is known when its parent is written; the superblock is
 * patched last.
 */
public final class H5Writer {
    private static final long UNDEFINED = -1L;
    private static final int SUPERBLOCK = 96;
    /** The HDF5 library's "no free block" heap offset (offsets are multiples of 8, so 1 is none). */
    private static final long NO_FREE_BLOCK = 1;
    /** Symbol-table leaf K: a group node holds up to 2K entries. */
    private static final int LEAF_K = 32;
    /** B-tree internal-node K. */
    private static final int NODE_K = 16;
    private static final int MAX_MESSAGE = 0xFFFF;

    private final Out out = new Out();

    private H5Writer() {
    }

    /** The bytes of an HDF5 file holding {@code root}. */
    public static byte[] write(H5Tree.Group root) {
        H5Writer w = new H5Writer();
        w.out.put(new byte[SUPERBLOCK]);
        long[] rootEntry = w.group(root);
        w.out.align8();
        ByteBuffer sb = ByteBuffer.allocate(SUPERBLOCK).order(ByteOrder.LITTLE_ENDIAN);
        sb.put(H5File.SIGNATURE).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) 8).put((byte) 8).put((byte) 0).putShort((short) LEAF_K).putShort((short) NODE_K)
                .putInt(0).putLong(0).putLong(UNDEFINED).putLong(w.out.size()).putLong(UNDEFINED);
        // Root symbol table entry: name offset 0, header address, cache type 1 with the B-tree and heap.
        sb.putLong(0).putLong(rootEntry[0]).putInt(1).putInt(0).putLong(rootEntry[1]).putLong(rootEntry[2]);
        byte[] bytes = w.out.toByteArray();
        System.arraycopy(sb.array(), 0, bytes, 0, SUPERBLOCK);
        return bytes;
    }

    /** HDF5 orders symbol-table names by byte value. */
    static int compareNames(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a group and everything below it; returns its header, B-tree and heap addresses. */
    private long[] group(H5Tree.Group g) {
        List<String> names = g.sortedNames();
        if (names.size() > 2 * LEAF_K) {
            throw new UnsupportedModelException("an HDF5 group of " + names.size() + " members is more than this "
                    + "writer's " + 2 * LEAF_K);
        }
        List<long[]> entries = new ArrayList<>();
        for (String name : names) {
            Object child = g.children().get(name);
            entries.add(child instanceof H5Tree.Group cg ? group(cg) : new long[] {dataset((H5Tree.FloatData) child)});
        }
        // Local heap: "" at offset 0, then each name, NUL-terminated and padded to 8 bytes.
        ByteArrayOutputStream heapData = new ByteArrayOutputStream();
        heapData.writeBytes(new byte[8]);
        long[] offsets = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            offsets[i] = heapData.size();
            byte[] n = names.get(i).getBytes(StandardCharsets.UTF_8);
            heapData.writeBytes(n);
            heapData.writeBytes(new byte[8 - n.length % 8]);
        }
        out.align8();
        long heap = out.size();
        long heapSegment = heap + 32;
        ByteBuffer h = buffer(32);
        h.put("HEAP".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put(new byte[3]).putLong(heapData.size())
                .putLong(NO_FREE_BLOCK).putLong(heapSegment);
        out.put(h.array());
        out.put(heapData.toByteArray());
        // One symbol table node with every entry.
        out.align8();
        long snod = out.size();
        ByteBuffer s = buffer(8 + 2 * LEAF_K * 40);
        s.put("SNOD".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) names.size());
        for (int i = 0; i < names.size(); i++) {
            long[] e = entries.get(i);
            s.putLong(offsets[i]).putLong(e[0]);
            if (e.length == 3) {
                s.putInt(1).putInt(0).putLong(e[1]).putLong(e[2]);
            } else {
                s.putInt(0).putInt(0).putLong(0).putLong(0);
            }
        }
        out.put(s.array());
        // One B-tree leaf pointing at it; keys are heap offsets: "" and the largest name.
        out.align8();
        long btree = out.size();
        ByteBuffer t = buffer(24 + (2 * NODE_K + 1) * 8 + 2 * NODE_K * 8);
        t.put("TREE".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0).putShort((short) 1)
                .putLong(UNDEFINED).putLong(UNDEFINED).putLong(0).putLong(snod)
                .putLong(names.isEmpty() ? 0 : offsets[names.size() - 1]);
        out.put(t.array());
        List<byte[]> messages = new ArrayList<>();
        ByteBuffer stab = buffer(16).putLong(btree).putLong(heap);
        messages.add(message(0x11, stab.array()));
        addAttributes(messages, g.attributes());
        return new long[] {header(messages), btree, heap};
    }

    private long dataset(H5Tree.FloatData d) {
        out.align8();
        long data = out.size();
        ByteBuffer values = buffer(d.values().length * Float.BYTES);
        for (float f : d.values()) {
            values.putFloat(f);
        }
        out.put(values.array());
        List<byte[]> messages = new ArrayList<>();
        messages.add(message(0x01, dataspace(d.shape())));
        messages.add(message(0x03, float32()));
        messages.add(message(0x05, new byte[] {2, 2, 2, 0}));
        ByteBuffer layout = buffer(18).put((byte) 3).put((byte) 1).putLong(data).putLong(values.capacity());
        messages.add(message(0x08, layout.array()));
        addAttributes(messages, d.attributes());
        return header(messages);
    }

    private void addAttributes(List<byte[]> messages, Map<String, H5Tree.Value> attributes) {
        for (Map.Entry<String, H5Tree.Value> a : attributes.entrySet()) {
            messages.add(message(0x0C, attribute(a.getKey(), a.getValue())));
        }
    }

    private static byte[] attribute(String name, H5Tree.Value value) {
        byte[] type;
        byte[] space;
        byte[] data;
        if (value instanceof H5Tree.Text t) {
            byte[] s = t.value().getBytes(StandardCharsets.UTF_8);
            type = string(Math.max(1, s.length), !isAscii(s));
            space = dataspace(new int[0]);
            data = s.length == 0 ? new byte[1] : s;
        } else if (value instanceof H5Tree.Texts ts) {
            int width = 1;
            boolean utf8 = false;
            for (String v : ts.values()) {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                width = Math.max(width, b.length);
                utf8 |= !isAscii(b);
            }
            type = string(width, utf8);
            space = dataspace(new int[] {ts.values().size()});
            data = new byte[width * ts.values().size()];
            for (int i = 0; i < ts.values().size(); i++) {
                byte[] b = ts.values().get(i).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(b, 0, data, i * width, b.length);
            }
        } else {
            type = float64();
            space = dataspace(new int[] {0});
            data = new byte[0];
        }
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = buffer(8 + pad8(n.length) + pad8(type.length) + pad8(space.length) + data.length);
        b.put((byte) 1).put((byte) 0).putShort((short) n.length).putShort((short) type.length)
                .putShort((short) space.length);
        b.put(n).position(8 + pad8(n.length));
        b.put(type).position(8 + pad8(n.length) + pad8(type.length));
        b.put(space).position(8 + pad8(n.length) + pad8(type.length) + pad8(space.length));
        b.put(data);
        return b.array();
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    /** Fixed-length, NUL-padded strings, as numpy's {@code S} arrays are stored. */
    private static byte[] string(int size, boolean utf8) {
        return buffer(8).put((byte) 0x13).put((byte) (1 | (utf8 ? 0x10 : 0))).put((byte) 0).put((byte) 0)
                .putInt(size).array();
    }

    private static byte[] float32() {
        return buffer(20).put((byte) 0x11).put((byte) 0x20).put((byte) 31).put((byte) 0).putInt(4)
                .putShort((short) 0).putShort((short) 32).put((byte) 23).put((byte) 8).put((byte) 0).put((byte) 23)
                .putInt(127).array();
    }

    private static byte[] float64() {
        return buffer(20).put((byte) 0x11).put((byte) 0x20).put((byte) 63).put((byte) 0).putInt(8)
                .putShort((short) 0).putShort((short) 64).put((byte) 52).put((byte) 11).put((byte) 0).put((byte) 52)
                .putInt(1023).array();
    }

    private static byte[] dataspace(int[] shape) {
        ByteBuffer b = buffer(8 + 8 * shape.length).put((byte) 1).put((byte) shape.length).put((byte) 0)
                .put((byte) 0).putInt(0);
        for (int d : shape) {
            b.putLong(d);
        }
        return b.array();
    }

    private static byte[] message(int type, byte[] body) {
        int size = pad8(body.length);
        if (size > MAX_MESSAGE) {
            throw new UnsupportedModelException("an HDF5 attribute of " + body.length + " bytes is too large");
        }
        return buffer(8 + size).putShort((short) type).putShort((short) size).put((byte) 0).put(new byte[3])
                .put(body).array();
    }

    /** A version 1 object header holding the messages; returns its address. */
    private long header(List<byte[]> messages) {
        int size = messages.stream().mapToInt(m -> m.length).sum();
        out.align8();
        long at = out.size();
        out.put(buffer(16).put((byte) 1).put((byte) 0).putShort((short) messages.size()).putInt(1).putInt(size)
                .array());
        for (byte[] m : messages) {
            out.put(m);
        }
        return at;
    }

    private static int pad8(int n) {
        return (n + 7) & ~7;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A growing byte array. */
    private static final class Out extends ByteArrayOutputStream {
        void put(byte[] b) {
            writeBytes(b);
        }

        void align8() {
            while (size() % 8 != 0) {
                write(0);
            }
        }
    }
}
