package dev.fmnist.api.error;

/** The Fashion-MNIST files could not be found or fetched; the message says how to get them. */
public class DataUnavailableException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
