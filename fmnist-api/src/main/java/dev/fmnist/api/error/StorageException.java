package dev.fmnist.api.error;

/** A file could not be read or written (missing, unreadable, unwritable directory, disk full). */
public class StorageException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
