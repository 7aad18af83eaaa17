package dev.fmnist.api.internal.json;

import dev.fmnist.api.error.FmnistException;

/** Text is not valid JSON, or lacks a field of the expected type. */
public class JsonException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
