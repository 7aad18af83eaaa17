package dev.fmnist.viz.image;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image with what a model made of it.
 *
 * @param pixels the 784 unsigned pixels
 * @param prediction the model's ten probabilities
 * @param truth the true class, or empty when unknown (an image from a file)
 * @param source what the image is, such as its file name, drawn under its caption; null for none
 */
public record Predicted(byte[] pixels, Prediction prediction, Optional<FashionClass> truth, String source) {

    /** An image without a source line. */
    public Predicted(byte[] pixels, Prediction prediction, Optional<FashionClass> truth) {
        this(pixels, prediction, truth, null);
    }

    /** The same image labelled with {@code value} (a file name, say). */
    public Predicted withSource(String value) {
        return new Predicted(pixels, prediction, truth, value);
    }

    public Predicted {
        Pixels.check(pixels);
        Objects.requireNonNull(prediction, "prediction");
        if (prediction.probabilities().length != FashionClass.COUNT) {
            throw new InvalidInputException("a prediction has " + FashionClass.COUNT + " probabilities, got "
                    + prediction.probabilities().length);
        }
        Objects.requireNonNull(truth, "truth");
    }

    /** Whether the most probable class is the true one (false when the truth is unknown). */
    public boolean correct() {
        return truth.isPresent() && truth.get() == prediction.best();
    }

    /** The probability of the most probable class. */
    public float confidence() {
        return prediction.probabilities()[prediction.best().label()];
    }

    /**
     * Images {@code indices} of {@code data} with their predictions.
     *
     * @param probabilities 10 probabilities per image of {@code data}, in dataset order (row {@code i} belongs
     *     to image {@code i}); it may cover only the first images
     * @throws InvalidInputException if an index has no image or no probabilities
     */
    public static List<Predicted> of(Dataset data, float[] probabilities, int[] indices) {
        int rows = probabilities.length / FashionClass.COUNT;
        List<Predicted> out = new ArrayList<>(indices.length);
        for (int index : indices) {
            ImageGrid.checkIndex(data, index);
            if (index >= rows) {
                throw new InvalidInputException("image " + index + " has no prediction: only " + rows
                        + " rows of probabilities were given");
            }
            out.add(new Predicted(data.image(index), Prediction.of(probabilities, index),
                    Optional.of(FashionClass.ofLabel(data.label(index)))));
        }
        return out;
    }
}
