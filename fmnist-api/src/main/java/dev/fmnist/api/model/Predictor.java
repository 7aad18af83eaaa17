package dev.fmnist.api.model;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;

/** Anything that turns images into class probabilities: a trained {@link Model}, or a model in training. */
public interface Predictor {

    /**
     * Predicts class probabilities.
     *
     * @param images {@code count * 784} pixels scaled to [0, 1], image after image
     * @param count number of images
     * @param probabilities receives {@code count * 10} probabilities, each row summing to 1
     * @throws InvalidInputException if an array is too short for {@code count}
     */
    void predict(float[] images, int count, float[] probabilities);

    /**
     * Predicts into a new array of {@code count * 10} probabilities.
     *
     * @throws InvalidInputException if {@code count} is negative or {@code images} too short for it (checked
     *     before the output is allocated)
     */
    default float[] predict(float[] images, int count) {
        checkImages(images, count);
        float[] out = new float[count * FashionClass.COUNT];
        predict(images, count, out);
        return out;
    }

    /** Checks the array lengths of a {@link #predict} call. @throws InvalidInputException on a mismatch */
    static void checkShapes(float[] images, int count, float[] probabilities) {
        checkImages(images, count);
        if (probabilities == null || probabilities.length < (long) count * FashionClass.COUNT) {
            throw new InvalidInputException("output needs room for " + (long) count * FashionClass.COUNT
                    + " probabilities, got " + (probabilities == null ? "null" : probabilities.length));
        }
    }

    /** Checks the count and the images' length. @throws InvalidInputException on a mismatch */
    static void checkImages(float[] images, int count) {
        if (count < 0) {
            throw new InvalidInputException("image count must not be negative, got " + count);
        }
        if (images == null || images.length < (long) count * Images.PIXELS) {
            throw new InvalidInputException("expected " + count + " images of " + Images.ROWS + "x" + Images.COLS
                    + " (" + (long) count * Images.PIXELS + " values), got "
                    + (images == null ? "null" : images.length + " values"));
        }
    }
}
