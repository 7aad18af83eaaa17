package dev.fmnist.api.error;

/**
 * Root of fmnist's errors. Every message is meant to be shown to a user as one line: it names the
 * problem and, where there is one, what to do about it. Front ends (the CLI) print {@link #getMessage()}
 * and exit non-zero; the stack trace is for {@code --verbose}.
 */
public class FmnistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FmnistException(String message) {
        super(message);
    }

    public FmnistException(String message, Throwable cause) {
        super(message, cause);
    }
}
