package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;

/** Padding of a convolution or pooling window, as Keras's {@code padding}. */
public enum Padding {
    /** No padding: windows lie wholly inside the input; {@code out = floor((in - k) / s) + 1}. */
    VALID,
    /** Zero padding (pooling ignores it) so that {@code out = ceil(in / s)}; the extra goes bottom and right. */
    SAME;

    /** Keras's keyword, {@code "valid"} or {@code "same"}. */
    public String keyword() {
        return this == VALID ? "valid" : "same";
    }

    /** Parses Keras's keyword. */
    public static Padding of(String keyword) {
        return switch (keyword) {
            case "valid" -> VALID;
            case "same" -> SAME;
            default -> throw new InvalidInputException("unknown padding '" + keyword + "'; known: [valid, same]");
        };
    }

    /** Output length of one axis. */
    int out(int in, int window, int stride, String what) {
        if (this == SAME) {
            return (in + stride - 1) / stride;
        }
        if (window > in) {
            throw new InvalidInputException(what + " " + window + " is larger than the input's " + in
                    + " with padding 'valid'");
        }
        return (in - window) / stride + 1;
    }

    /** Padding before the first row (or column) with {@code same}, as TensorFlow places it. */
    public int before(int in, int window, int stride) {
        if (this == VALID) {
            return 0;
        }
        int out = (in + stride - 1) / stride;
        return Math.max(0, (out - 1) * stride + window - in) / 2;
    }
}
