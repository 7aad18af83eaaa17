package dev.fmnist.api.error;

/** The chosen backend cannot build a layer or activation that the model description uses. */
public class UnsupportedModelException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public UnsupportedModelException(String message) {
        super(message);
    }

    public UnsupportedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
