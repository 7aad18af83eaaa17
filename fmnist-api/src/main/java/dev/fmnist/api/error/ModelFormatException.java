package dev.fmnist.api.error;

/** A model file is corrupt, truncated, from a newer format version, or not an fmnist model at all. */
public class ModelFormatException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
