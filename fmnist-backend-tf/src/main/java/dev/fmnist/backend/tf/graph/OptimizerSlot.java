package dev.fmnist.backend.tf.graph;

import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One optimizer state tensor in the graph, with Keras's name, and the ops that set it when resuming.
 *
 * @param parameter the parameter it belongs to, such as {@code dense/kernel}
 * @param slot Keras's slot name, such as {@code momentum}
 * @param shape the parameter's portable shape
 * @param variable the graph variable
 * @param value the placeholder fed when restoring
 * @param assign copies {@code value} into {@code variable}
 */
public record OptimizerSlot(String parameter, String slot, int[] shape, Variable<TFloat32> variable,
        Placeholder<TFloat32> value, Assign<TFloat32> assign) {

    public OptimizerSlot {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}
