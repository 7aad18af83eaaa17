package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * A layer in place in a model: its position, its Keras-style name, its input and output shapes and its
 * parameters. {@link ModelSpec#nodes()} computes these once for every backend.
 *
 * @param index 0-based position in {@link ModelSpec#layers()} (the {@code layer} of {@link DropoutMasks})
 * @param name unique in the model, as Keras names layers: {@code conv2d}, {@code conv2d_1}, {@code dense}
 * @param layer the description
 * @param input the shape the layer receives (without the batch axis)
 * @param output the shape it produces
 * @param parameters its parameters in Keras's weight order, named {@code name/weight}
 */
public record LayerNode(int index, String name, LayerSpec layer, Shape input, Shape output,
        List<ParameterSpec> parameters) {

    public LayerNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
        parameters = List.copyOf(parameters);
    }

    /** The parameter with a Keras weight name ({@code kernel}, {@code moving_mean}, ...). */
    public ParameterSpec parameter(String weightName) {
        for (ParameterSpec p : parameters) {
            if (p.weightName().equals(weightName)) {
                return p;
            }
        }
        throw new InvalidInputException(describe() + " has no parameter '" + weightName + "'");
    }

    /** Whether it has a parameter of that Keras weight name. */
    public boolean has(String weightName) {
        return parameters.stream().anyMatch(p -> p.weightName().equals(weightName));
    }

    /** Number of parameter values, trainable or not. */
    public long parameterCount() {
        return parameters.stream().mapToLong(ParameterSpec::size).sum();
    }

    /** How messages name the layer: {@code layer 3 (Conv2D 'conv2d_1')}, counting from 1. */
    public String describe() {
        return describe(index, layer, name);
    }

    /** How messages name a layer at a 0-based position. */
    public static String describe(int index, LayerSpec layer, String name) {
        return "layer " + (index + 1) + " (" + layer.kerasClass() + " '" + name + "')";
    }
}
