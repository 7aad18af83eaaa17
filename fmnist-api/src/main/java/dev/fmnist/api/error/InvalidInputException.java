package dev.fmnist.api.error;

/** An argument, shape or configuration value is not acceptable: wrong array length, a negative epoch count, an unknown preset. */
public class InvalidInputException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
