package dev.fmnist.cli.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.UnknownBackendException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void exitCodes() {
        assertThat(ErrorReporter.exitCode(new InvalidInputException("x"))).isEqualTo(2);
        assertThat(ErrorReporter.exitCode(new UnknownBackendException("x"))).isEqualTo(2);
        assertThat(ErrorReporter.exitCode(new BackendUnavailableException("x"))).isEqualTo(1);
        assertThat(ErrorReporter.exitCode(new IllegalStateException("x"))).isEqualTo(1);
    }

    @Test
    void unexpectedErrorsAreOneLineWithAHint() {
        int code = new ErrorReporter(err, false).report(new IllegalStateException("boom\nsecond line"));

        assertThat(code).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("fmnist: internal error: "
                + "java.lang.IllegalStateException: boom second line (run again with --verbose for the stack trace)"
                + System.lineSeparator());
    }

    @Test
    void ioErrors() {
        assertThat(ErrorReporter.message(new UncheckedIOException(new java.io.IOException("disk full"))))
                .isEqualTo("I/O error: disk full");
    }

    @Test
    void verboseIsFoundBeforeDoubleDash() {
        assertThat(ErrorReporter.verboseRequested(List.of("train", "--verbose"))).isTrue();
        assertThat(ErrorReporter.verboseRequested(List.of("predict", "--", "--verbose"))).isFalse();
    }
}
