package dev.fmnist.serve.http;

/**
 * A request the server refuses, with the HTTP status and the JSON error body to answer with.
 *
 * @see ErrorBody
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    /**
     * @param status the HTTP status (4xx or 5xx)
     * @param error a short machine-readable code, such as {@code unsupported_media_type}
     * @param detail one line for people
     */
    public ApiException(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The machine-readable code. */
    public String error() {
        return error;
    }

    /** 400 with a code. */
    public static ApiException badRequest(String error, String detail) {
        return new ApiException(400, error, detail);
    }
}
