package dev.fmnist.api.training;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * An optimizer's state in the portable layout, so that training can resume on any backend: the step
 * count (Keras's {@code iterations}), the learning rate in use (callbacks may have changed it) and one
 * tensor per parameter and slot, named {@code <parameter>/<slot>} with Keras's slot names: {@code momentum}
 * and {@code velocity} for Adam (plus {@code velocity_hat} with AMSGrad), {@code momentum} for SGD with
 * momentum, {@code velocity} (plus {@code momentum}, {@code average_gradient}) for RMSprop. Each slot has
 * its parameter's shape and layout.
 *
 * @param optimizer the optimizer's name, such as {@code adam}
 * @param iterations steps taken so far
 * @param learningRate the learning rate of the next step
 * @param slots the state tensors, in parameter order then slot order
 */
public record OptimizerState(String optimizer, long iterations, double learningRate, List<Tensor> slots) {

    public OptimizerState {
        Objects.requireNonNull(optimizer, "optimizer");
        if (iterations < 0) {
            throw new InvalidInputException("optimizer iterations must not be negative, got " + iterations);
        }
        slots = List.copyOf(slots);
    }

    /** The slot tensor of a name. @throws InvalidInputException naming what is there */
    public Tensor slot(String parameter, String slot) {
        String name = parameter + "/" + slot;
        for (Tensor t : slots) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new InvalidInputException(optimizer + " state has no tensor " + name);
    }
}
