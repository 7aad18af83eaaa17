package dev.fmnist.cli.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.training.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InterruptToStopTest {
    @Test
    void theFirstSignalRequestsAStop() {
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (InterruptToStop handler = InterruptToStop.install(stop, new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThat(stop.requested()).isFalse();
            assertThat(handler.interrupted()).isFalse();

            handler.onSignal("INT");

            assertThat(stop.requested()).isTrue();
            assertThat(handler.interrupted()).isTrue();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("fmnist: Ctrl-C: stopping after the current batch");
        }
    }
}
