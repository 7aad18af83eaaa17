package dev.fmnist.data;

import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Fingerprinted;
import dev.fmnist.api.data.InMemoryDataset;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.data.files.DataFile;
import dev.fmnist.data.idx.IdxImages;
import dev.fmnist.data.idx.IdxReader;
import dev.fmnist.data.locate.DataLocation;
import dev.fmnist.data.locate.DataLocator;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test images of 28x28 grey pixels in ten classes, read from
 * the four IDX files. Pixels stay bytes; the training set carries the SHA-256 of its two files for
 * provenance.
 */
public final class FashionMnist {
    /** Images in the training set. */
    public static final int TRAIN_SIZE = 60_000;
    /** Images in the test set. */
    public static final int TEST_SIZE = 10_000;

    private final Path directory;
    private final FashionMnistDataset train;
    private final FashionMnistDataset test;

    private FashionMnist(Path directory, FashionMnistDataset train, FashionMnistDataset test) {
        this.directory = directory;
        this.train = train;
        this.test = test;
    }

    /**
     * Finds the files as {@link DataLocator#standard()} does (FMNIST_DATA, ~/.fmnist/data, Debian's
     * package) and loads them. Does not download.
     *
     * @throws dev.fmnist.api.error.DataUnavailableException saying how to get the files
     */
    public static FashionMnist locate() {
        return load(DataLocator.standard().locate().directory());
    }

    /** Loads the four files from {@code directory} (gzip or raw names). */
    public static FashionMnist load(Path directory) {
        DataLocation.requireComplete(directory);
        FashionMnistDataset train = read("fashion-mnist/train", directory, DataFile.TRAIN_IMAGES,
                DataFile.TRAIN_LABELS);
        FashionMnistDataset test = read("fashion-mnist/test", directory, DataFile.TEST_IMAGES,
                DataFile.TEST_LABELS);
        return new FashionMnist(directory, train, test);
    }

    private static FashionMnistDataset read(String name, Path dir, DataFile imagesFile, DataFile labelsFile) {
        MessageDigest sha = sha256();
        Path imagesPath = DataLocation.resolve(dir, imagesFile);
        Path labelsPath = DataLocation.resolve(dir, labelsFile);
        IdxImages images = IdxReader.readImages(imagesPath, sha);
        byte[] labels = IdxReader.readLabels(labelsPath, sha);
        if (images.count() != labels.length) {
            throw new InvalidDataException(imagesPath + " holds " + images.count() + " images but " + labelsPath
                    + " holds " + labels.length + " labels");
        }
        return new FashionMnistDataset(new InMemoryDataset(name, images.pixels(), labels),
                HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Where the files were read from. */
    public Path directory() {
        return directory;
    }

    /** The training set (60,000 images in the real data). */
    public Dataset train() {
        return train;
    }

    /** The test set (10,000 images in the real data). */
    public Dataset test() {
        return test;
    }

    /** A short description such as {@code train 60000x28x28, test 10000x28x28 from /usr/share/...}. */
    public String describe() {
        return "train " + train.size() + "x28x28, test " + test.size() + "x28x28 from " + directory;
    }

    /** Whether a directory holds all four files (as {@link DataLocation#isComplete}). */
    public static boolean isComplete(Path directory) {
        return DataLocation.isComplete(directory);
    }

    /** A Fashion-MNIST split: an in-memory dataset that knows the SHA-256 of its files. */
    private static final class FashionMnistDataset implements Dataset, Fingerprinted {
        private final InMemoryDataset data;
        private final String sha256;

        FashionMnistDataset(InMemoryDataset data, String sha256) {
            this.data = data;
            this.sha256 = sha256;
        }

        @Override
        public String name() {
            return data.name();
        }

        @Override
        public int size() {
            return data.size();
        }

        @Override
        public int label(int index) {
            return data.label(index);
        }

        @Override
        public void copyImage(int index, byte[] dst, int offset) {
            data.copyImage(index, dst, offset);
        }

        @Override
        public String sha256() {
            return sha256;
        }
    }
}
