package dev.fmnist.keras.hdf5;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.ModelFormatException;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FloatingPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A read-only HDF5 file held in memory, with the few reads Keras files need, each checked against the
 * file before anything is allocated. Every failure of the underlying library on a corrupt or hostile
 * file becomes a one-line {@link ModelFormatException} naming the file.
 */
public final class H5File implements AutoCloseable {
    /** The HDF5 signature at offset 0 (files with a user block are not written by Keras). */
    public static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Largest tensor read, in elements (a 16k x 16k matrix; Fashion-MNIST models are far smaller). */
    public static final long MAX_ELEMENTS = 1L << 28;
    /** Most strings in one attribute array. */
    private static final int MAX_STRINGS = 1 << 16;

    private final String label;
    private final long length;
    private final HdfFile file;

    private H5File(String label, long length, HdfFile file) {
        this.label = label;
        this.length = length;
        this.file = file;
    }

    /** Whether bytes start with the HDF5 signature. */
    public static boolean isHdf5(byte[] head) {
        return head.length >= SIGNATURE.length && Arrays.equals(head, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /** Opens HDF5 bytes; {@code label} names them in errors (a file name, or {@code x.keras!model.weights.h5}). */
    public static H5File open(String label, byte[] bytes) {
        if (!isHdf5(bytes)) {
            throw new ModelFormatException(label + " is not an HDF5 file (no HDF5 signature)");
        }
        return guarded(label, () -> new H5File(label, bytes.length, HdfFile.fromBytes(bytes)));
    }

    /** The name errors use for this file. */
    public String label() {
        return label;
    }

    /** The root group. */
    public Group root() {
        return file;
    }

    /**
     * The node at a slash-separated path below a group, or empty. A group name containing backslashes (as
     * Keras writes on Windows) is matched as if they were slashes.
     */
    public Optional<Node> find(Group group, String path) {
        return guarded(() -> {
            String[] parts = path.split("/");
            Node node = group;
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) {
                    continue;
                }
                if (!(node instanceof Group g)) {
                    return Optional.<Node>empty();
                }
                Node child = g.getChildren().get(parts[i]);
                if (child == null) {
                    return findBackslashed(g, String.join("/", Arrays.copyOfRange(parts, i, parts.length)));
                }
                node = child;
            }
            return Optional.of(node);
        });
    }

    private Optional<Node> findBackslashed(Group group, String rest) {
        for (Node child : group.getChildren().values()) {
            if (child.getName().indexOf('\\') < 0) {
                continue;
            }
            String name = child.getName().replace('\\', '/');
            if (rest.equals(name)) {
                return Optional.of(child);
            }
            if (rest.startsWith(name + "/") && child instanceof Group g) {
                return find(g, rest.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** The group at a path. @throws ModelFormatException when it is missing or not a group */
    public Group group(Group parent, String path) {
        Node node = find(parent, path).orElseThrow(() -> new ModelFormatException(label + " has no group '"
                + join(parent, path) + "'"));
        if (!(node instanceof Group g)) {
            throw new ModelFormatException(label + ": '" + join(parent, path) + "' is not a group");
        }
        return g;
    }

    /** The names of a group's children, in the file's (sorted) order. */
    public List<String> childNames(Group group) {
        return guarded(() -> new ArrayList<>(group.getChildren().keySet()));
    }

    /** Whether a node has an attribute, plain or split into {@code name0, name1, ...}. */
    public boolean hasAttribute(Node node, String name) {
        return guarded(() -> node.getAttributes().containsKey(name) || node.getAttributes().containsKey(name + "0"));
    }

    /** A string attribute (scalar, or a one-element array), empty when absent. */
    public Optional<String> string(Node node, String name) {
        return guarded(() -> {
            Attribute a = node.getAttribute(name);
            if (a == null) {
                return Optional.<String>empty();
            }
            Object data = a.isEmpty() ? null : a.getData();
            if (data instanceof String s) {
                return Optional.of(s);
            }
            if (data instanceof String[] arr && arr.length == 1) {
                return Optional.of(arr[0]);
            }
            throw new ModelFormatException(label + ": attribute '" + name + "' of " + node.getPath()
                    + " is not a string");
        });
    }

    /**
     * A string-array attribute as Keras's {@code load_attributes_from_hdf5_group} reads it: plain, or split
     * into {@code name0, name1, ...}; an empty numeric array (Keras's empty {@code weight_names}) is an empty
     * list; empty when absent altogether.
     */
    public Optional<List<String>> strings(Node node, String name) {
        return guarded(() -> {
            if (node.getAttributes().containsKey(name)) {
                return Optional.of(stringsOf(node, node.getAttribute(name)));
            }
            if (!node.getAttributes().containsKey(name + "0")) {
                return Optional.<List<String>>empty();
            }
            List<String> all = new ArrayList<>();
            for (int chunk = 0; node.getAttributes().containsKey(name + chunk); chunk++) {
                all.addAll(stringsOf(node, node.getAttribute(name + chunk)));
                if (all.size() > MAX_STRINGS) {
                    throw new ModelFormatException(label + ": attribute '" + name + "' has too many entries");
                }
            }
            return Optional.of(all);
        });
    }

    private List<String> stringsOf(Node node, Attribute a) {
        if (a.isEmpty() || a.getSize() == 0) {
            return List.of();
        }
        if (a.getSize() > MAX_STRINGS) {
            throw new ModelFormatException(label + ": attribute '" + a.getName() + "' has too many entries ("
                    + a.getSize() + ")");
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] arr) {
            return List.of(arr);
        }
        throw new ModelFormatException(label + ": attribute '" + a.getName() + "' of " + node.getPath()
                + " is not a list of strings");
    }

    /**
     * A float32 dataset's shape and values, checked before reading: a contiguous little- or big-endian
     * float32 array no larger than {@link #MAX_ELEMENTS} whose bytes lie inside the file.
     */
    public FloatArray floats(Node node) {
        return guarded(() -> {
            if (!(node instanceof Dataset d)) {
                throw new ModelFormatException(label + ": '" + node.getPath() + "' is not a dataset");
            }
            int[] dims = d.getDimensions();
            long elements = 1;
            for (int dim : dims) {
                if (dim < 0 || (elements *= dim) > MAX_ELEMENTS) {
                    throw new ModelFormatException(label + ": dataset " + d.getPath() + " claims an absurd shape "
                            + Arrays.toString(dims));
                }
            }
            if (!(d.getDataType() instanceof FloatingPoint fp) || fp.getSize() != Float.BYTES) {
                throw new ModelFormatException(label + ": dataset " + d.getPath() + " is not float32");
            }
            if (!(d instanceof ContiguousDataset c)) {
                throw new ModelFormatException(label + ": dataset " + d.getPath()
                        + " is chunked or compressed, which Keras does not write");
            }
            long bytes = elements * Float.BYTES;
            if (elements > 0 && (c.getDataAddress() < 0 || c.getDataAddress() + bytes > length)) {
                throw new ModelFormatException(label + " is truncated: dataset " + d.getPath() + " needs " + bytes
                        + " bytes at offset " + c.getDataAddress() + " of a " + length + "-byte file");
            }
            if (elements == 0) {
                return new FloatArray(dims, new float[0]);
            }
            Object flat = d.getDataFlat();
            if (!(flat instanceof float[] values) || values.length != elements) {
                throw new ModelFormatException(label + ": dataset " + d.getPath() + " did not read as "
                        + elements + " float32 values");
            }
            return new FloatArray(dims, values);
        });
    }

    private static String join(Group parent, String path) {
        String base = parent.getPath();
        return (base.endsWith("/") ? base : base + "/") + path;
    }

    private <T> T guarded(Supplier<T> read) {
        return guarded(label, read);
    }

    /** Runs a read, turning the HDF5 library's failures on bad input into one-line errors. */
    static <T> T guarded(String label, Supplier<T> read) {
        try {
            return read.get();
        } catch (FmnistException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new ModelFormatException(label + " is corrupt, truncated or not a Keras file (" + why + ")", e);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
