package dev.fmnist.keras.hdf5;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HDF5 file to write, as a tree: groups holding groups and float32 datasets, each with attributes
 * (strings, string arrays, and the empty float64 array Keras writes for a layer without weights).
 */
public final class H5Tree {
    private H5Tree() {
    }

    /** An attribute value. */
    public sealed interface Value {
    }

    /** A scalar string. */
    public record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A one-dimensional array of strings. */
    public record Texts(List<String> values) implements Value {
        public Texts {
            values = List.copyOf(values);
        }
    }

    /** An empty float64 array of shape (0,): what h5py writes for an empty numpy array. */
    public record EmptyArray() implements Value {
    }

    /** A float32 dataset. */
    public record FloatData(int[] shape, float[] values, Map<String, Value> attributes) {
        public FloatData {
            shape = shape.clone();
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /** A group: children by name (written sorted, as HDF5's symbol tables keep them) and attributes in order. */
    public static final class Group {
        private final Map<String, Object> children = new LinkedHashMap<>();
        private final Map<String, Value> attributes = new LinkedHashMap<>();

        /** The child group of that name, created when absent. */
        public Group group(String name) {
            Object existing = children.get(name);
            if (existing instanceof Group g) {
                return g;
            }
            checkName(name);
            Group g = new Group();
            children.put(name, g);
            return g;
        }

        /** Adds a float32 dataset. */
        public Group dataset(String name, int[] shape, float[] values) {
            checkName(name);
            children.put(name, new FloatData(shape, values, Map.of()));
            return this;
        }

        /** Sets an attribute. */
        public Group attribute(String name, Value value) {
            attributes.put(name, value);
            return this;
        }

        /** Sets a string attribute. */
        public Group attribute(String name, String value) {
            return attribute(name, new Text(value));
        }

        /** Sets a string-array attribute. */
        public Group attribute(String name, List<String> values) {
            return attribute(name, new Texts(values));
        }

        Map<String, Object> children() {
            return children;
        }

        Map<String, Value> attributes() {
            return attributes;
        }

        List<String> sortedNames() {
            List<String> names = new ArrayList<>(children.keySet());
            names.sort(H5Writer::compareNames);
            return names;
        }

        private void checkName(String name) {
            if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || children.containsKey(name)) {
                throw new IllegalArgumentException("bad or repeated HDF5 name '" + name + "'");
            }
        }
    }
}
