package dev.fmnist.data.photos;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.image.ImagePreprocessor;
import dev.fmnist.data.image.PreparedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scores a model on generated photos of test images against the same test images as the dataset has them.
 * The model is the tutorial's MLP trained for one epoch on the real training set by the API's scalar test
 * backend (once per JVM), so the comparison needs no backend module.
 */
public final class PhotoBench {
    /** Test images per condition (the first ones of the test set). */
    public static final int IMAGES = 300;
    /** Fewer for the 12-megapixel condition, whose photos take seconds each to make and read. */
    public static final int LARGE_IMAGES = 30;
    /** The seed of the photos. */
    public static final long SEED = 18;

    private static Model model;

    /** One condition's result. */
    public record Score(PhotoCondition condition, int images, double datasetAccuracy, double photoAccuracy) {
        /** Photo accuracy as a fraction of dataset accuracy. */
        public double ratio() {
            return photoAccuracy / datasetAccuracy;
        }

        /** A Markdown table row. */
        public String row() {
            return String.format("| %s | %s | %d | %.3f | %.3f | %.3f |", condition.name().toLowerCase(java.util.Locale.ROOT),
                    condition.description(), images, datasetAccuracy, photoAccuracy, ratio());
        }
    }

    private PhotoBench() {
    }

    /** The model the photos are scored with. */
    public static Model modelFor(FashionMnist data) {
        return model(data);
    }

    static synchronized Model model(FashionMnist data) {
        if (model == null) {
            try (Backend backend = new FakeBackendProvider().create()) {
                model = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), data.train(),
                        TrainingConfig.defaults().withEpochs(1))).model();
            }
        }
        return model;
    }

    /** Generates the photos of {@code condition} into {@code dir}, prepares them from their files and scores both. */
    public static Score score(FashionMnist data, PhotoCondition condition, Path dir) {
        Dataset test = data.test();
        int n = condition == PhotoCondition.LARGE ? LARGE_IMAGES : IMAGES;
        ImagePreprocessor preprocessor = ImagePreprocessor.defaults();
        float[] dataset = new float[n * Images.PIXELS];
        float[] photos = new float[n * Images.PIXELS];
        try {
            for (int i = 0; i < n; i++) {
                byte[] pixels = test.image(i);
                Images.scale(pixels, 0, dataset, i * Images.PIXELS, Images.PIXELS);
                PhotoGenerator.Photo photo = PhotoGenerator.generate(pixels, condition, i, SEED);
                Path file = dir.resolve(condition.name().toLowerCase(java.util.Locale.ROOT) + "-" + i + "." + photo.extension());
                Files.write(file, photo.bytes());
                PreparedImage prepared = preprocessor.prepare(file);
                Images.scale(prepared.pixels(), 0, photos, i * Images.PIXELS, Images.PIXELS);
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Model m = model(data);
        return new Score(condition, n, accuracy(m.predict(dataset, n), test, n), accuracy(m.predict(photos, n), test, n));
    }

    /**
     * The model's accuracy on the first {@link #IMAGES} test images mirrored left to right, as the dataset
     * would have a mirrored garment (footwear then faces right, which the model rarely saw): the baseline the
     * mirrored photos are not held to, for the README.
     */
    public static double mirroredDatasetAccuracy(FashionMnist data) {
        Dataset test = data.test();
        float[] mirrored = new float[IMAGES * Images.PIXELS];
        for (int i = 0; i < IMAGES; i++) {
            byte[] pixels = test.image(i);
            for (int y = 0; y < Images.ROWS; y++) {
                for (int x = 0; x < Images.COLS; x++) {
                    mirrored[i * Images.PIXELS + y * Images.COLS + x] =
                            (pixels[y * Images.COLS + Images.COLS - 1 - x] & 0xff) / 255f;
                }
            }
        }
        return accuracy(model(data).predict(mirrored, IMAGES), test, IMAGES);
    }

    private static double accuracy(float[] probabilities, Dataset test, int n) {
        int right = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (probabilities[i * 10 + c] > probabilities[i * 10 + best]) {
                    best = c;
                }
            }
            right += best == test.label(i) ? 1 : 0;
        }
        return (double) right / n;
    }

    /** Prints the table of every condition (for the README). */
    public static void main(String[] args) throws IOException {
        FashionMnist data = FashionMnist.locate();
        Path dir = Files.createTempDirectory("photos");
        System.out.println("| condition | photos | images | dataset accuracy | photo accuracy | ratio |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (PhotoCondition c : PhotoCondition.values()) {
            long start = System.nanoTime();
            Score s = score(data, c, dir);
            System.out.println(s.row() + "  <!-- " + (System.nanoTime() - start) / 1_000_000 + " ms -->");
        }
        System.out.printf("mirrored dataset images: accuracy %.3f%n", mirroredDatasetAccuracy(data));
        Files.delete(dir);
    }
}
