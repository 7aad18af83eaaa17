package dev.fmnist.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.error.BackendUnavailableException;
import org.junit.jupiter.api.Test;

/** What the user reads when ND4J cannot start: the cause that matters, on one line. */
class StartFailureTest {

    @Test
    void aLibraryThatDoesNotLinkIsNamed() {
        Throwable failure = new ExceptionInInitializerError(new RuntimeException(StartFailure.ND4J_MISSING
                + ". For more information, please refer to: https://deeplearning4j.konduit.ai",
                new UnsatisfiedLinkError("no jnind4jcpu in java.library.path\nsecond line")));
        BackendUnavailableException e = StartFailure.unavailable(failure);
        assertThat(e.getMessage()).startsWith("backend 'dl4j' could not start ND4J: a native library failed to load")
                .contains("UnsatisfiedLinkError: no jnind4jcpu in java.library.path").doesNotContain("second line");
        assertThat(e.getCause()).isSameAs(failure);
    }

    @Test
    void nd4jsGenericMessageKeepsTheRootCause() {
        Throwable failure = new RuntimeException(StartFailure.ND4J_MISSING,
                new NullPointerException("native.ops is null"));
        assertThat(StartFailure.reason(failure))
                .isEqualTo("ND4J's native backend is missing or broken (NullPointerException: native.ops is null)");
    }

    @Test
    void anythingElseReportsItsDeepestCause() {
        assertThat(StartFailure.reason(new IllegalStateException("outer", new NoClassDefFoundError("org/nd4j/Foo"))))
                .isEqualTo("NoClassDefFoundError: org/nd4j/Foo");
        assertThat(StartFailure.reason(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void anUnavailableExceptionPassesThrough() {
        BackendUnavailableException original = new BackendUnavailableException("already explained");
        assertThat(StartFailure.unavailable(original)).isSameAs(original);
    }
}
