package dev.fmnist.keras.write;

import java.lang.reflect.Array;

/** Row-major float data as the nested Java arrays jhdf writes as a dataset of that shape. */
final class NestedArrays {
    private NestedArrays() {
    }

    /** {@code float[]}, {@code float[][]}, ... of the given shape. */
    static Object of(float[] data, int[] shape) {
        if (shape.length <= 1) {
            return data.clone();
        }
        return fill(data, shape, 0, 0);
    }

    private static Object fill(float[] data, int[] shape, int dim, int offset) {
        if (dim == shape.length - 1) {
            float[] row = new float[shape[dim]];
            System.arraycopy(data, offset, row, 0, row.length);
            return row;
        }
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        Class<?> element = Array.newInstance(float.class, new int[shape.length - dim - 1]).getClass();
        Object out = Array.newInstance(element, shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            Array.set(out, i, fill(data, shape, dim + 1, offset + i * stride));
        }
        return out;
    }
}
