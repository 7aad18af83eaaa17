package dev.fmnist.keras.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The two real Keras files kept beside the project ({@code ../shared/keras-samples} from the project root)
 * for tests; never copied into the project. A test that needs one is skipped with a message when it is absent.
 * The system property {@code fmnist.keras.samples} names another directory (for a checkout elsewhere).
 */
public final class KerasSamples {
    /** The tutorial's MLP saved by Keras 2.6's {@code model.save} (test accuracy 0.8882). */
    public static final String TUTORIAL_H5 = "tutorial-mlp-keras2.6.h5";
    /** A CNN saved by Keras 3.8 as {@code .keras} (test accuracy 0.9116). */
    public static final String CNN_KERAS = "cnn-keras3.8.keras";

    private KerasSamples() {
    }

    /** The sample's path, or a skipped test. */
    public static Path orSkip(String name) {
        String override = System.getProperty("fmnist.keras.samples");
        Path dir = override != null ? Path.of(override) : projectRoot().resolve("../shared/keras-samples");
        Path file = dir.resolve(name).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), "Keras sample " + name + " not found at " + file
                + "; skipped (the samples live beside the project in ../shared/keras-samples)");
        return file;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("fmnist"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
