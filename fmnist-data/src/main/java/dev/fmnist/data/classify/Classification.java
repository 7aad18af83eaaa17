package dev.fmnist.data.classify;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.data.image.ImageWarning;
import dev.fmnist.data.image.PreparedImage;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link Classifier} found in one picture.
 *
 * @param input the 28x28 pixels the model saw and the preprocessing that produced them
 * @param prediction all ten class probabilities
 * @param top the most probable classes, most probable first
 */
public record Classification(ModelInput input, Prediction prediction, List<Prediction.Ranked> top) {

    public Classification {
        top = List.copyOf(top);
    }

    /** The classification of {@code input} from its probabilities, keeping the {@code top} best classes. */
    public static Classification of(ModelInput input, Prediction prediction, int top) {
        return new Classification(input, prediction, prediction.top(top));
    }

    /** The picture's name. */
    public String source() {
        return input.source();
    }

    /** The most probable class. */
    public FashionClass best() {
        return prediction.best();
    }

    /** The preprocessing applied (inversion, crop box, warnings), or empty for 28x28 pixel input. */
    public Optional<PreparedImage> preparation() {
        return input.preparation();
    }

    /**
     * What makes this prediction less trustworthy (tiny picture, no object, several objects, object touching
     * the border, low contrast), each with what to do; empty when all looks well and for 28x28 pixel input.
     */
    public List<ImageWarning> warnings() {
        return input.preparation().map(PreparedImage::warnings).orElse(List.of());
    }

    /** The 784 pixels the model saw. */
    public byte[] pixels() {
        return input.pixels();
    }
}
