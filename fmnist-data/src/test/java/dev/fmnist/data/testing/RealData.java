package dev.fmnist.data.testing;

import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.locate.DataLocator;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Fashion-MNIST files for tests, loaded once per JVM. Tests that need them call
 * {@link #orSkip()}: without the files the test is skipped with a message saying how to get them
 * ({@code .ci/run} installs them, so in CI these tests run).
 */
public final class RealData {
    private static Optional<FashionMnist> cached;

    private RealData() {
    }

    /** The real data, or a skipped test (JUnit assumption) when the files are absent. */
    public static synchronized FashionMnist orSkip() {
        if (cached == null) {
            cached = DataLocator.standard().find().map(location -> FashionMnist.load(location.directory()));
        }
        Assumptions.assumeTrue(cached.isPresent(),
                "real Fashion-MNIST files not found; skipped. " + DataLocator.HOW_TO_GET);
        return cached.get();
    }
}
