package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** Activation of a layer, named as Keras names them. */
public enum Activation {
    LINEAR, RELU, SOFTMAX, SIGMOID, TANH;

    /** The lower-case Keras name, such as {@code "relu"}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Keras name. @throws InvalidInputException naming the known activations */
    public static Activation of(String keyword) {
        for (Activation a : values()) {
            if (a.keyword().equals(keyword)) {
                return a;
            }
        }
        throw new InvalidInputException("unknown activation '" + keyword + "'; known: "
                + Arrays.stream(values()).map(Activation::keyword).toList());
    }
}
