package dev.fmnist.api.error;

/** A data file (IDX images or labels) is missing, truncated, corrupt or inconsistent. */
public class InvalidDataException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
