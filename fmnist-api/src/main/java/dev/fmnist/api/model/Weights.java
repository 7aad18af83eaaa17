package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a model in the portable layout of {@link ModelSpec#parameters()}: every parameter,
 * trainable or not, named {@code layer/weight} as Keras names them.
 */
public final class Weights {
    private final Map<String, Tensor> tensors;

    /** Weights from tensors, kept in the given order. */
    public Weights(List<Tensor> tensors) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            if (map.put(t.name(), t) != null) {
                throw new InvalidInputException("duplicate tensor " + t.name());
            }
        }
        this.tensors = Collections.unmodifiableMap(map);
    }

    /** The tensors in layout order. */
    public List<Tensor> tensors() {
        return new ArrayList<>(tensors.values());
    }

    /** The tensor of a name. @throws InvalidInputException if absent */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new InvalidInputException("no tensor named " + name + "; have " + tensors.keySet());
        }
        return t;
    }

    /** The values of a parameter. @throws InvalidInputException if absent */
    public float[] data(ParameterSpec parameter) {
        return get(parameter.name()).data();
    }

    /** Kernel of the i-th (0-based) Dense layer, {@code [inputs * units]} row-major (no copy). */
    public float[] kernel(int denseIndex) {
        return get(denseName(denseIndex) + "/kernel").data();
    }

    /** Bias of the i-th (0-based) Dense layer (no copy). */
    public float[] bias(int denseIndex) {
        return get(denseName(denseIndex) + "/bias").data();
    }

    /** Keras's name of the i-th Dense layer of a model: {@code dense}, {@code dense_1}, ... */
    public static String denseName(int denseIndex) {
        return denseIndex == 0 ? "dense" : "dense_" + denseIndex;
    }

    /**
     * Checks that these weights have exactly the names and shapes {@code spec} needs.
     *
     * @throws InvalidInputException naming the first mismatch
     */
    public void checkMatches(ModelSpec spec) {
        Map<String, int[]> expected = spec.parameterShapes();
        if (!expected.keySet().equals(tensors.keySet())) {
            throw new InvalidInputException("weights have tensors " + tensors.keySet() + " but model '"
                    + spec.name() + "' needs " + expected.keySet());
        }
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int[] actual = tensors.get(e.getKey()).shape();
            if (!Arrays.equals(actual, e.getValue())) {
                throw new InvalidInputException("tensor " + e.getKey() + " has shape " + Arrays.toString(actual)
                        + " but model '" + spec.name() + "' needs " + Arrays.toString(e.getValue()));
            }
        }
    }

    /** A deep copy. */
    public Weights copy() {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : tensors.values()) {
            out.add(new Tensor(t.name(), t.shape(), t.data().clone()));
        }
        return new Weights(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights w && tensors.equals(w.tensors);
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }
}
