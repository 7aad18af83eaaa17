package dev.fmnist.data.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.DataUnavailableException;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.testing.IdxFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    @TempDir
    Path root;

    private Path dataIn(String name) {
        Path dir = root.resolve(name);
        IdxFixtures.writeDataset(dir, SyntheticData.blobs("t", 20, 1), SyntheticData.blobs("s", 10, 2));
        return dir;
    }

    @Test
    void prefersTheEnvironmentVariableThenHomeThenDebian() {
        Path home = root.resolve("home");
        Path debian = dataIn("debian");
        Path env = dataIn("env");
        DataLocator withEnv = new DataLocator(null, Map.of(DataLocator.ENV, env.toString()), home, debian);
        assertThat(withEnv.locate()).isEqualTo(new DataLocation(env, DataLocator.ENV));

        DataLocator noEnv = new DataLocator(null, Map.of(), home, debian);
        assertThat(noEnv.locate().directory()).isEqualTo(debian);

        IdxFixtures.writeDataset(home.resolve(".fmnist/data"), SyntheticData.blobs("t", 20, 1),
                SyntheticData.blobs("s", 10, 2));
        assertThat(noEnv.locate().directory()).isEqualTo(home.resolve(".fmnist/data"));
    }

    @Test
    void anExplicitDirectoryMustHoldTheFiles() throws IOException {
        Path partial = root.resolve("partial");
        Files.createDirectories(partial);
        Files.write(partial.resolve("train-images-idx3-ubyte.gz"), new byte[] {1});
        DataLocator locator = new DataLocator(partial, Map.of(), root, dataIn("debian"));
        assertThatThrownBy(locator::locate).isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("lacks train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz");
    }

    @Test
    void explainsWhatToDoWhenNothingIsFound() {
        DataLocator locator = new DataLocator(null, Map.of(), root.resolve("home"), root.resolve("none"));
        assertThatThrownBy(locator::locate).isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("apt-get install -y dataset-fashion-mnist")
                .hasMessageContaining("fmnist data fetch")
                .hasMessageContaining(root.resolve("none").toString())
                .hasMessageNotContaining("\n");
    }

    @Test
    void downloadsGoToTheExplicitThenEnvThenHomeDirectory() {
        Path home = root.resolve("home");
        assertThat(new DataLocator(null, Map.of(), home, root).downloadDirectory())
                .isEqualTo(home.resolve(".fmnist/data"));
        assertThat(new DataLocator(null, Map.of(DataLocator.ENV, "/x"), home, root).downloadDirectory())
                .isEqualTo(Path.of("/x"));
        assertThat(new DataLocator(Path.of("/y"), Map.of(DataLocator.ENV, "/x"), home, root).downloadDirectory())
                .isEqualTo(Path.of("/y"));
    }
}
