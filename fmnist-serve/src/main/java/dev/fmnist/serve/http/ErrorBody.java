package dev.fmnist.serve.http;

import dev.fmnist.api.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of every error answer: {@code {"error": code, "detail": one line}}. */
public final class ErrorBody {
    private ErrorBody() {
    }

    /** The body for a code and a detail. */
    public static String of(String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail == null ? "" : detail);
        return Json.write(body);
    }

    /** A code for an HTTP status without a more specific one. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }
}
