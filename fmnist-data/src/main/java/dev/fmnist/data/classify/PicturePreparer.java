package dev.fmnist.data.classify;

import dev.fmnist.data.image.ImagePreprocessor;
import java.util.Objects;
import java.util.Optional;

/**
 * The first stage of classification, which needs no model: decodes a {@link Picture} and prepares it with
 * an {@link ImagePreprocessor} into the 28x28 input the model sees. Immutable and thread-safe.
 */
public final class PicturePreparer {
    private final ImagePreprocessor preprocessor;
    private final PictureDecoder decoder;

    private PicturePreparer(ImagePreprocessor preprocessor, PictureDecoder decoder) {
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** The default preprocessing and picture size limit. */
    public static PicturePreparer defaults() {
        return new PicturePreparer(ImagePreprocessor.defaults(), PictureDecoder.defaults());
    }

    /** The same with other preprocessing. */
    public PicturePreparer withPreprocessor(ImagePreprocessor value) {
        return new PicturePreparer(value, decoder);
    }

    /** The same with another decoder for in-memory pictures (such as one with a lower pixel limit). */
    public PicturePreparer withDecoder(PictureDecoder value) {
        return new PicturePreparer(preprocessor, value);
    }

    /** The preprocessing applied to pictures. */
    public ImagePreprocessor preprocessor() {
        return preprocessor;
    }

    /** The decoder for in-memory pictures. */
    public PictureDecoder decoder() {
        return decoder;
    }

    /**
     * Decodes and prepares a picture; 28x28 pixels are taken as they are.
     *
     * @throws dev.fmnist.api.error.FmnistException naming the picture if it cannot be read or prepared
     */
    public ModelInput prepare(Picture picture) {
        if (picture instanceof Picture.File f) {
            return ModelInput.of(preprocessor.prepare(f.path()));
        }
        if (picture instanceof Picture.Encoded e) {
            return ModelInput.of(preprocessor.prepare(decoder.decode(e.bytes(), e.source()), e.source()));
        }
        if (picture instanceof Picture.Decoded d) {
            return ModelInput.of(preprocessor.prepare(d.image(), d.source()));
        }
        Picture.Pixels p = (Picture.Pixels) picture;
        return new ModelInput(p.source(), p.pixels().clone(), Optional.empty());
    }
}
