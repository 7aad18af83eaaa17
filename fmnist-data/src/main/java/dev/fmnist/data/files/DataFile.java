package dev.fmnist.data.files;

import java.util.List;

/**
 * The four Fashion-MNIST files, with the MD5 sums of the gzip files published in the dataset's README
 * and of their uncompressed content. Debian's {@code dataset-fashion-mnist} recompresses the files, so
 * its gzip sums differ from the published ones while the content is identical: the content sum is what
 * proves a file genuine.
 *
 * @param fileName the gzip file's name, as published
 * @param md5 lower-case hex MD5 of the published gzip file
 * @param contentMd5 lower-case hex MD5 of the uncompressed IDX content
 */
public record DataFile(String fileName, String md5, String contentMd5) {
    /** 60,000 training images. */
    public static final DataFile TRAIN_IMAGES = new DataFile("train-images-idx3-ubyte.gz",
            "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "f4a8712d7a061bf5bd6d2ca38dc4d50a");
    /** 60,000 training labels. */
    public static final DataFile TRAIN_LABELS = new DataFile("train-labels-idx1-ubyte.gz",
            "25c81989df183df01b3e8a0aad5dffbe", "9018921c3c673c538a1fc5bad174d6f9");
    /** 10,000 test images. */
    public static final DataFile TEST_IMAGES = new DataFile("t10k-images-idx3-ubyte.gz",
            "bef4ecab320f06d8554ea6380940ec79", "8181f5470baa50b63fa0f6fddb340f0a");
    /** 10,000 test labels. */
    public static final DataFile TEST_LABELS = new DataFile("t10k-labels-idx1-ubyte.gz",
            "bb300cfdad3c16e7a12a480ee83cd310", "15d484375f8d13e6eb1aabb0c3f46965");

    /** All four, training files first. */
    public static final List<DataFile> ALL = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** The name without {@code .gz}, as some mirrors store the files uncompressed. */
    public String rawName() {
        return fileName.substring(0, fileName.length() - 3);
    }
}
