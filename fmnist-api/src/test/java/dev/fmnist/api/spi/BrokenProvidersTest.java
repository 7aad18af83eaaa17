package dev.fmnist.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.testing.FakeBackendProvider;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The registry's promise: one broken provider never hides the others, and its failures name it. */
class BrokenProvidersTest {
    /** A provider whose every method can be made to misbehave. */
    private static final class Broken implements BackendProvider {
        private final Supplier<String> name;
        private final Runnable rank;
        private final Runnable nativeCode;
        private final Supplier<Availability> availability;
        private final Supplier<Backend> create;

        Broken(Supplier<String> name, Runnable rank, Runnable nativeCode, Supplier<Availability> availability,
                Supplier<Backend> create) {
            this.name = name;
            this.rank = rank;
            this.nativeCode = nativeCode;
            this.availability = availability;
            this.create = create;
        }

        static Broken named(String name) {
            return new Broken(() -> name, () -> { }, () -> { }, Availability::yes, () -> null);
        }

        @Override
        public String name() {
            return name.get();
        }

        @Override
        public String description() {
            throw new IllegalStateException("no description");
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public boolean usesNativeCode() {
            nativeCode.run();
            return false;
        }

        @Override
        public int rank() {
            rank.run();
            return 5;
        }

        @Override
        public Availability availability() {
            return availability.get();
        }

        @Override
        public Backend create() {
            return create.get();
        }
    }

    private static final Runnable THROWS = () -> {
        throw new IllegalStateException("boom");
    };

    @Test
    void aProviderWithoutAUsableNameIsSkippedWithAProblem() {
        BackendRegistry registry = new BackendRegistry(List.of(
                new Broken(() -> {
                    throw new IllegalStateException("no name");
                }, () -> { }, () -> { }, Availability::yes, () -> null),
                new Broken(() -> null, () -> { }, () -> { }, Availability::yes, () -> null),
                new FakeBackendProvider()));

        assertThat(registry.names()).containsExactly("fake");
        assertThat(registry.loadProblems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("Broken")
                .contains("no usable name").doesNotContain("\n"));
        assertThat(registry.backend("fake")).isNotNull();
        assertThat(registry.defaultName(java.util.Map.of())).isEqualTo("fake");
    }

    @Test
    void aProviderClaimingATakenNameIsIgnoredWithAProblem() {
        FakeBackendProvider builtIn = new FakeBackendProvider();
        BackendRegistry registry = new BackendRegistry(List.of(builtIn, Broken.named("fake")));

        assertThat(registry.provider("fake").description()).isEqualTo(builtIn.description());
        assertThat(registry.loadProblems()).singleElement().asString().contains("claims the name 'fake'");
    }

    @Test
    void throwingRankAndNativeFlagDoNotBreakListingOrTheDefault() {
        BackendRegistry registry = new BackendRegistry(List.of(
                new Broken(() -> "odd", THROWS, THROWS, Availability::yes, () -> null), new FakeBackendProvider()));

        BackendProvider odd = registry.provider("odd");
        assertThat(odd.rank()).isEqualTo(Integer.MIN_VALUE);
        assertThat(odd.usesNativeCode()).isTrue();
        assertThat(odd.description()).contains("no description");
        assertThat(registry.defaultName(java.util.Map.of())).isEqualTo("fake");
    }

    @Test
    void aThrowingAvailabilityCheckMeansCannotRun() {
        BackendRegistry registry = new BackendRegistry(List.of(new Broken(() -> "odd", () -> { }, () -> { },
                () -> {
                    throw new IllegalStateException("probe failed");
                }, () -> null)));

        assertThat(registry.provider("odd").availability().available()).isFalse();
        assertThatThrownBy(() -> registry.backend("odd")).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend 'odd' cannot run here: its availability check failed: "
                        + "IllegalStateException: probe failed");
    }

    @Test
    void aCreateThatReturnsNullOrThrowsAnErrorCannotRun() {
        BackendRegistry registry = new BackendRegistry(List.of(Broken.named("nothing"),
                new Broken(() -> "erring", () -> { }, () -> { }, Availability::yes, () -> {
                    throw new AssertionError("native init");
                })));

        assertThatThrownBy(() -> registry.backend("nothing")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageStartingWith("backend 'nothing' failed to start: ").hasMessageContaining("no backend");
        assertThatThrownBy(() -> registry.backend("erring")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageStartingWith("backend 'erring' failed to start: ").hasMessageContaining("native init");
    }

    @Test
    void theImplementationClassIsStillKnown() {
        BackendRegistry registry = new BackendRegistry(List.of(new FakeBackendProvider()));

        assertThat(registry.implementation("fake")).isEqualTo(FakeBackendProvider.class);
    }
}
