package dev.fmnist.api.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One parameter tensor of a layer in the portable layout.
 *
 * @param name unique in the model: the layer's name, a slash and Keras's weight name, such as
 *     {@code conv2d_1/kernel} or {@code batch_normalization/moving_mean}
 * @param shape Keras's shape and row-major layout: Dense kernel {@code [in, units]}, Conv2D kernel
 *     {@code [kh, kw, in, filters]}, vectors {@code [n]}
 * @param trainable whether the optimiser updates it; BatchNormalization's moving mean and variance are not
 *     trainable (they are updated by the forward pass in training mode)
 * @param initializer its initial value
 */
public record ParameterSpec(String name, int[] shape, boolean trainable, Initializer initializer) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initializer, "initializer");
        shape = shape.clone();
    }

    /** Keras's weight name within the layer: {@code kernel}, {@code bias}, {@code gamma}, ... */
    public String weightName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Number of values. */
    public long size() {
        return Tensor.elementCount(shape);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec p && name.equals(p.name) && Arrays.equals(shape, p.shape)
                && trainable == p.trainable && initializer.equals(p.initializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), trainable, initializer);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + (trainable ? "" : " (non-trainable)");
    }
}
