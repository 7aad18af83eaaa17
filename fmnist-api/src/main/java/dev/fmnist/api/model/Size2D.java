package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;

/** Height and width of a window or stride, Keras's {@code [h, w]} pairs. */
public record Size2D(int height, int width) {
    public Size2D {
        if (height <= 0 || width <= 0) {
            throw new InvalidInputException("sizes must be positive, got [" + height + ", " + width + "]");
        }
    }

    /** A square size. */
    public static Size2D square(int n) {
        return new Size2D(n, n);
    }

    @Override
    public String toString() {
        return "[" + height + ", " + width + "]";
    }
}
