package dev.fmnist.data.classify;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.model.Predictor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies pictures with a model: prepares each picture the way Fashion-MNIST's were (a
 * {@link PicturePreparer} running {@link dev.fmnist.data.image.ImagePreprocessor}), scales the pixels to
 * [0, 1], predicts all pictures of a call in one batch and ranks the classes.
 *
 * <p>Thread-safe: the classifier is immutable, and every fmnist backend's {@code Model} may be called
 * from many threads (a predictor given here must be too). Work can be split into the two stages:
 * {@link #prepare} (decoding and preprocessing, run on the caller's thread) and {@link #predict} (one
 * model call for many inputs), which is how a server batches requests.
 *
 * <pre>{@code
 * Classifier classifier = Classifier.of(model);
 * Classification c = classifier.classify(Path.of("boot.jpg"), 3);
 * System.out.println(c.best() + " " + c.top());
 * }</pre>
 */
public final class Classifier {
    private final Predictor predictor;
    private final PicturePreparer preparer;

    private Classifier(Predictor predictor, PicturePreparer preparer) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.preparer = Objects.requireNonNull(preparer, "preparer");
    }

    /** A classifier for {@code predictor} with the default preprocessing and picture size limit. */
    public static Classifier of(Predictor predictor) {
        return new Classifier(predictor, PicturePreparer.defaults());
    }

    /** The same classifier with other preparation (preprocessing, decoder limits). */
    public Classifier withPreparer(PicturePreparer value) {
        return new Classifier(predictor, value);
    }

    /** How pictures are decoded and prepared. */
    public PicturePreparer preparer() {
        return preparer;
    }

    /** Classifies a picture file. See {@link #classify(Picture, int)}. */
    public Classification classify(Path file, int top) {
        return classify(Picture.file(file), top);
    }

    /** Classifies an encoded picture held in memory. See {@link #classify(Picture, int)}. */
    public Classification classify(byte[] encoded, String source, int top) {
        return classify(Picture.encoded(encoded, source), top);
    }

    /** Classifies a decoded picture. See {@link #classify(Picture, int)}. */
    public Classification classify(BufferedImage image, String source, int top) {
        return classify(Picture.decoded(image, source), top);
    }

    /**
     * Classifies one picture.
     *
     * @param top how many classes to rank, 1 to 10
     * @throws dev.fmnist.api.error.FmnistException naming the picture if it cannot be read or prepared
     */
    public Classification classify(Picture picture, int top) {
        return classifyAll(List.of(picture), top).get(0);
    }

    /**
     * Classifies pictures in one model call. Every picture is prepared first, so a bad one fails the call
     * before the model runs.
     *
     * @param top how many classes to rank per picture, 1 to 10
     */
    public List<Classification> classifyAll(List<? extends Picture> pictures, int top) {
        checkTop(top);
        List<ModelInput> inputs = new ArrayList<>(pictures.size());
        for (Picture picture : pictures) {
            inputs.add(prepare(picture));
        }
        return classifyPrepared(inputs, top);
    }

    /** Classifies prepared inputs in one model call. */
    public List<Classification> classifyPrepared(List<ModelInput> inputs, int top) {
        checkTop(top);
        List<Prediction> predictions = predict(inputs);
        List<Classification> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(Classification.of(inputs.get(i), predictions.get(i), top));
        }
        return out;
    }

    /**
     * Decodes and prepares a picture for the model (no model call).
     *
     * @throws dev.fmnist.api.error.FmnistException naming the picture if it cannot be read or prepared
     */
    public ModelInput prepare(Picture picture) {
        return preparer.prepare(picture);
    }

    /** The class probabilities of prepared inputs, from one model call. */
    public List<Prediction> predict(List<ModelInput> inputs) {
        int n = inputs.size();
        if (n == 0) {
            return List.of();
        }
        float[] scaled = new float[n * Images.PIXELS];
        for (int i = 0; i < n; i++) {
            Images.scale(inputs.get(i).pixels(), 0, scaled, i * Images.PIXELS, Images.PIXELS);
        }
        float[] probabilities = predictor.predict(scaled, n);
        List<Prediction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Prediction.of(probabilities, i));
        }
        return out;
    }

    /** @throws InvalidInputException unless {@code top} is 1 to 10 */
    public static void checkTop(int top) {
        if (top < 1 || top > FashionClass.COUNT) {
            throw new InvalidInputException("top must be between 1 and " + FashionClass.COUNT + ", got " + top);
        }
    }
}
