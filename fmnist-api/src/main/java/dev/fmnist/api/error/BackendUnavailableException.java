package dev.fmnist.api.error;

/** A backend is installed but cannot run here (missing native library, unsupported CPU); the message says why. */
public class BackendUnavailableException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
