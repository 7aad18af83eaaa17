package dev.fmnist.backend.dl4j;

import dev.fmnist.api.error.BackendUnavailableException;

/** Turns whatever ND4J throws while starting into one actionable {@link BackendUnavailableException}. */
final class StartFailure {
    /** What ND4J says when its native backend cannot be loaded; the real reason is in the cause. */
    static final String ND4J_MISSING = "ND4J is probably missing dependencies";

    private StartFailure() {
    }

    /** The exception to report for a failed start, keeping {@code failure} as the cause. */
    static BackendUnavailableException unavailable(Throwable failure) {
        if (failure instanceof BackendUnavailableException e) {
            return e;
        }
        return new BackendUnavailableException("backend 'dl4j' could not start ND4J: " + reason(failure), failure);
    }

    /**
     * The most telling message in a failure's chain: a native library that did not link beats ND4J's
     * generic "missing dependencies", which beats the wrapper around it.
     */
    static String reason(Throwable failure) {
        Throwable linkError = null;
        Throwable deepest = failure;
        boolean nd4jMissing = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsatisfiedLinkError && linkError == null) {
                linkError = t;
            }
            if (t.getMessage() != null && t.getMessage().contains(ND4J_MISSING)) {
                nd4jMissing = true;
            }
            deepest = t;
        }
        if (linkError != null) {
            return "a native library failed to load (" + oneLine(linkError) + ")";
        }
        String root = oneLine(deepest);
        return nd4jMissing ? "ND4J's native backend is missing or broken (" + root + ")" : root;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        String text = message == null || message.isBlank() ? t.getClass().getName()
                : t.getClass().getSimpleName() + ": " + message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
