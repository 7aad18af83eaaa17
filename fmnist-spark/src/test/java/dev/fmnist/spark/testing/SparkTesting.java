package dev.fmnist.spark.testing;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.data.FashionMnist;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;

/** Shared fixtures: a local Spark session, a model trained on the real data, test images as PNG files. */
public final class SparkTesting {
    private static byte[] model;

    private SparkTesting() {
    }

    /** A two-core local session without UI, quiet. */
    public static SparkSession localSession() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("fmnist-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The bytes of an MLP model file trained for one epoch on the real training set (once per JVM). */
    public static synchronized byte[] trainedModel(FashionMnist data) {
        if (model == null) {
            try (BackendRegistry registry = BackendRegistry.load()) {
                TrainingResult result = registry.backend("pure").trainer()
                        .fit(TrainingJob.of(ModelSpec.mlp(), data.train(), TrainingConfig.defaults().withEpochs(1)));
                try (Model m = result.model()) {
                    model = ModelFile.encode(SavedModel.of(m, result.history()));
                }
            }
        }
        return model;
    }

    /**
     * Writes test images {@code 0 .. count-1} as PNG files in two sub-directories of {@code dir} (as
     * dark garments on white, the way photos are), returning their paths in index order.
     */
    public static List<Path> writeTestPictures(FashionMnist data, int count, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] pixels = data.test().image(i);
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < pixels.length; p++) {
                image.getRaster().setSample(p % 28, p / 28, 0, 255 - (pixels[p] & 0xff));
            }
            Path sub = dir.resolve(i % 2 == 0 ? "tops" : "shoes");
            Files.createDirectories(sub);
            Path file = sub.resolve(String.format("test-%05d.png", i));
            ImageIO.write(image, "png", file.toFile());
            files.add(file);
        }
        return files;
    }
}
