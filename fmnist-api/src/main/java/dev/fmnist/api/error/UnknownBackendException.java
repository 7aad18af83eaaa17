package dev.fmnist.api.error;

/** No backend of the requested name was found; the message lists the known ones. */
public class UnknownBackendException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public UnknownBackendException(String message) {
        super(message);
    }

    public UnknownBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
