package dev.fmnist.data.classify;

import dev.fmnist.api.data.Images;
import dev.fmnist.data.image.PreparedImage;
import java.util.Optional;

/**
 * A picture ready for the model: its 784 pixels and how they were obtained.
 *
 * @param source the picture's name
 * @param pixels the 784 unsigned pixels the model sees, row by row
 * @param preparation what the preprocessor did, or empty for pictures given as 28x28 pixels
 */
public record ModelInput(String source, byte[] pixels, Optional<PreparedImage> preparation) {

    public ModelInput {
        if (pixels.length != Images.PIXELS) {
            throw new IllegalArgumentException("expected " + Images.PIXELS + " pixels, got " + pixels.length);
        }
    }

    /** The input of a prepared picture. */
    public static ModelInput of(PreparedImage prepared) {
        return new ModelInput(prepared.source(), prepared.pixels(), Optional.of(prepared));
    }
}
