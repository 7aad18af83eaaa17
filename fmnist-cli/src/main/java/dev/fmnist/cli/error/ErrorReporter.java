package dev.fmnist.cli.error;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.UnknownBackendException;
import dev.fmnist.api.text.SafeText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reports a failure as one line, {@code fmnist: <message>}, and picks the exit code: {@value #USAGE} for
 * usage errors (bad options, unknown backend, invalid values), {@value #FAILURE} for everything else. The
 * stack trace follows only with {@code --verbose}.
 */
public final class ErrorReporter {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something failed: missing data, corrupt file, unwritable output, a backend that cannot run. */
    public static final int FAILURE = 1;
    /** The command line was wrong: an unknown option or backend, a value out of range. */
    public static final int USAGE = 2;
    /** Training was stopped with Ctrl-C (what was trained was saved). */
    public static final int INTERRUPTED = 130;
    /** Characters printed of an error message (it may quote a file). */
    private static final int MESSAGE_LIMIT = 2000;

    private final PrintStream err;
    private final boolean verbose;

    /**
     * @param err where messages go
     * @param verbose whether to print stack traces
     */
    public ErrorReporter(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    /** Whether the arguments ask for stack traces ({@code --verbose} before any {@code --}). */
    public static boolean verboseRequested(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** A usage error reported by the option parser. */
    public int usage(String message, String command) {
        err.println("fmnist: " + oneLine(message) + " (see '" + command + " --help')");
        err.flush();
        return USAGE;
    }

    /** Reports an exception thrown while a command ran, returning its exit code. */
    public int report(Throwable e) {
        int code = exitCode(e);
        err.println("fmnist: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The exit code for an exception. */
    public static int exitCode(Throwable e) {
        return e instanceof InvalidInputException || e instanceof UnknownBackendException ? USAGE : FAILURE;
    }

    /** The one-line message for an exception. */
    public static String message(Throwable e) {
        if (e instanceof FmnistException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            Throwable io = e instanceof UncheckedIOException u ? u.getCause() : e;
            return "I/O error: " + oneLine(String.valueOf(io.getMessage()));
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; give Java more with FMNIST_JAVA_OPTS=-Xmx4g";
        }
        return "internal error: " + oneLine(e.toString()) + " (run again with --verbose for the stack trace)";
    }

    /**
     * Joins a message's lines with spaces, and escapes what is left of control characters and bounds the
     * length: a message may quote a file (a layer's name, a provenance field).
     */
    public static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return SafeText.of(message.strip().replaceAll("\\s*\\R\\s*", " "), MESSAGE_LIMIT);
    }
}
