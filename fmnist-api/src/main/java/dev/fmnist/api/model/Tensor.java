package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A named float32 tensor in row-major order.
 *
 * @param name the parameter name in the portable layout, such as {@code dense_0/kernel}
 * @param shape dimensions, outermost first
 * @param data {@code product(shape)} values, row-major; owned by the tensor
 */
public record Tensor(String name, int[] shape, float[] data) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        if (elementCount(shape) != data.length) {
            throw new InvalidInputException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs "
                    + elementCount(shape) + " values, got " + data.length);
        }
    }

    /** Number of elements of a shape. @throws InvalidInputException for negative or huge shapes */
    public static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new InvalidInputException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException("shape " + Arrays.toString(shape) + " is too large");
            }
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
