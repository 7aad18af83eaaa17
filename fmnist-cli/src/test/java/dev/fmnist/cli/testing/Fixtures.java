package dev.fmnist.cli.testing;

import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.testing.IdxFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Synthetic Fashion-MNIST files and a model trained on them, made once per JVM. */
public final class Fixtures {
    private static Path root;
    private static Path data;
    private static Path model;

    private Fixtures() {
    }

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("fmnist-cli-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** A directory holding the conformance kit's synthetic train (2,000) and test (500) sets as IDX files. */
    public static synchronized Path data() {
        if (data == null) {
            data = root().resolve("data");
            IdxFixtures.writeDataset(data, SyntheticData.train(), SyntheticData.test());
        }
        return data;
    }

    /** A model trained for one epoch on {@link #data()} by the fake backend. */
    public static synchronized Path model() {
        if (model == null) {
            Path file = root().resolve("trained.fmnist");
            Cli.Result r = Cli.in(root()).run("train", "--backend", "fake", "--epochs", "1", "--data",
                    data().toString(), "--out", file.toString());
            if (r.code() != 0) {
                throw new IllegalStateException("could not train the fixture model: " + r);
            }
            model = file;
        }
        return model;
    }
}
