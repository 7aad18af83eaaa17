package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;

/**
 * What the network's first layer expects for a raw pixel value {@code p} in {@code 0..255}:
 * {@code p * scale + offset}. fmnist feeds pixels scaled to {@code [0, 1]} ({@link #UNIT}, the default). A
 * Keras model that starts with {@code Rescaling(scale, offset)} is described without that layer but with
 * its scale and offset here, so that its weights see what they were trained on: a backend feeding fmnist's
 * {@code x = p / 255} computes {@link #fromUnit(float) x * 255 * scale + offset}. {@code Rescaling(1/255)}
 * is therefore the default.
 *
 * @param scale multiplies the raw pixel value
 * @param offset added after scaling
 */
public record InputRange(double scale, double offset) {
    /** Pixels in {@code [0, 1]}: fmnist's own scaling, and Keras's {@code Rescaling(1/255)}. */
    public static final InputRange UNIT = new InputRange(1.0 / 255, 0);

    public InputRange {
        if (!Double.isFinite(scale) || !Double.isFinite(offset) || scale == 0) {
            throw new InvalidInputException("input scale must be finite and non-zero and offset finite, got scale "
                    + scale + ", offset " + offset);
        }
    }

    /** Whether this is fmnist's own {@code [0, 1]} (within float precision). */
    public boolean isUnit() {
        return Math.abs(scale * 255 - 1) < 1e-6 && Math.abs(offset) < 1e-9;
    }

    /** The network's input for fmnist's scaled pixel {@code x = p / 255}. */
    public float fromUnit(float x) {
        return (float) (x * (255 * scale) + offset);
    }

    /** The smallest value the network sees (pixel 0). */
    public double low() {
        return Math.min(offset, 255 * scale + offset);
    }

    /** The largest value the network sees (pixel 255). */
    public double high() {
        return Math.max(offset, 255 * scale + offset);
    }
}
