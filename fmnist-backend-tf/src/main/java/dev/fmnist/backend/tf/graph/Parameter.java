package dev.fmnist.backend.tf.graph;

import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One trainable tensor of the network in the portable layout, with the ops that set it.
 *
 * @param name the portable name, such as {@code dense/kernel}
 * @param shape its portable shape ({@code [in, out]} for kernels, {@code [out]} for biases)
 * @param variable the graph variable holding it
 * @param value the placeholder fed when loading weights
 * @param assign copies {@code value} into {@code variable}
 */
public record Parameter(String name, int[] shape, Variable<TFloat32> variable, Placeholder<TFloat32> value,
        Assign<TFloat32> assign) {

    public Parameter {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The shape as TensorFlow takes it. */
    public long[] dimensions() {
        long[] d = new long[shape.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = shape[i];
        }
        return d;
    }
}
