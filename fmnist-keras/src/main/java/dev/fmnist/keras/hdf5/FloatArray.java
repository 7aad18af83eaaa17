package dev.fmnist.keras.hdf5;

import java.util.Arrays;

/**
 * A float32 array read from HDF5: its shape and its values, row-major.
 *
 * @param shape dimensions, outermost first
 * @param values {@code product(shape)} values
 */
public record FloatArray(int[] shape, float[] values) {

    public FloatArray {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return "FloatArray" + Arrays.toString(shape);
    }
}
