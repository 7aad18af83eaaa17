package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The shape of one sample's tensor between layers, without the batch axis, channels last as Keras has
 * it: an image is {@code (28, 28, 1)}, a feature vector {@code (128)}.
 */
public final class Shape {
    /** A Fashion-MNIST image, channels last. */
    public static final Shape IMAGE = of(28, 28, 1);
    /** A Fashion-MNIST image without a channel axis, as the tutorial's {@code Flatten(input_shape=(28, 28))}. */
    public static final Shape IMAGE_2D = of(28, 28);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** A shape of positive dimensions. @throws InvalidInputException for an empty or non-positive shape */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            throw new InvalidInputException("a shape needs at least one dimension");
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new InvalidInputException("shape " + Arrays.toString(dims) + " has a non-positive dimension");
            }
        }
        Shape s = new Shape(dims.clone());
        Tensor.elementCount(s.dims);
        return s;
    }

    /** Number of axes. */
    public int rank() {
        return dims.length;
    }

    /** The size of an axis; negative axes count from the end, as in Keras. */
    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    /** The dimensions, outermost first (a copy). */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of values per sample. */
    public int size() {
        return (int) Tensor.elementCount(dims);
    }

    /** Height, width, channels of a rank-3 shape. */
    public boolean isImage() {
        return dims.length == 3;
    }

    /** Keras's notation with the batch axis, such as {@code (None, 28, 28, 1)}. */
    public String withBatch() {
        StringJoiner j = new StringJoiner(", ", "(None, ", ")");
        for (int d : dims) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Python's tuple notation: {@code (28, 28, 1)}, {@code (784,)}. */
    @Override
    public String toString() {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int d : dims) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }
}
