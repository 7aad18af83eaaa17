package dev.fmnist.cli.bench;

import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets a benchmark row is judged against; they depend on the network measured.
 *
 * <ul>
 *   <li>The tutorial's MLP ({@code --model mlp}): pure predicts at least 1,000,000 images/s and trains an
 *       epoch in at most half of TensorFlow Java's time; tf predicts at least 500,000 images/s, dl4j 300,000.
 *   <li>A convolutional network (one with a {@code Conv2D}, such as {@code --model cnn}): pure trains an epoch
 *       in at most tf's time, predicts at least as many images/s as tf, and peaks under 600 MB RSS.
 *   <li>Every backend, on any network: 0.80 test accuracy after the epochs measured.
 * </ul>
 * Other networks, and backends without a target of their own, are judged on accuracy only.
 */
public enum BenchmarkTargets {
    /** The tutorial's network. */
    MLP,
    /** A network with at least one convolution. */
    CONVOLUTIONAL,
    /** Any other network: accuracy only. */
    OTHER;

    /** Test accuracy every backend must reach. */
    public static final double MIN_ACCURACY = 0.80;
    /** Peak RSS pure must stay under on a convolutional network. */
    public static final long CNN_MAX_RSS_BYTES = 600_000_000L;

    /** The targets for {@code spec}. */
    public static BenchmarkTargets of(ModelSpec spec) {
        if (spec.layers().stream().anyMatch(l -> l instanceof LayerSpec.Conv2D)) {
            return CONVOLUTIONAL;
        }
        ModelSpec mlp = ModelSpec.mlp();
        return spec.inputShape().equals(mlp.inputShape()) && spec.layers().equals(mlp.layers()) ? MLP : OTHER;
    }

    /** The targets as one sentence, for the help text and the table's heading. */
    public String describe() {
        return switch (this) {
            case MLP -> "pure: inference >= 1,000,000 images/s and an epoch <= half of tf's; tf: inference >= "
                    + "500,000 images/s; dl4j: inference >= 300,000 images/s; all: test accuracy >= 0.80";
            case CONVOLUTIONAL -> "pure: an epoch <= tf's, inference >= tf's, peak RSS < 600 MB; all: test "
                    + "accuracy >= 0.80";
            case OTHER -> "all: test accuracy >= 0.80";
        };
    }

    /** The targets {@code r} misses, judged beside the other rows ({@code all}, for tf's figures). */
    public List<String> missed(BenchmarkResult r, List<BenchmarkResult> all) {
        List<String> missed = new ArrayList<>();
        Optional<BenchmarkResult> tf = all.stream().filter(o -> o.backend().equals("tf") && o.ok()).findFirst();
        boolean pure = r.backend().equals("pure");
        if (this == MLP) {
            double minInference = switch (r.backend()) {
                case "pure" -> 1_000_000;
                case "tf" -> 500_000;
                case "dl4j" -> 300_000;
                default -> 0;
            };
            if (r.inferenceImagesPerSecond() < minInference) {
                missed.add(String.format(Locale.ROOT, "inference < %,.0f/s", minInference));
            }
            if (pure && tf.isPresent() && r.medianEpochSeconds() > 0.5 * tf.get().medianEpochSeconds()) {
                missed.add(String.format(Locale.ROOT, "epoch > half of tf's %.2f s", tf.get().medianEpochSeconds()));
            }
        } else if (this == CONVOLUTIONAL && pure) {
            if (tf.isPresent() && r.medianEpochSeconds() > tf.get().medianEpochSeconds()) {
                missed.add(String.format(Locale.ROOT, "epoch > tf's %.2f s", tf.get().medianEpochSeconds()));
            }
            if (tf.isPresent() && r.inferenceImagesPerSecond() < tf.get().inferenceImagesPerSecond()) {
                missed.add(String.format(Locale.ROOT, "inference < tf's %,.0f/s", tf.get().inferenceImagesPerSecond()));
            }
            if (r.peakRssBytes() >= CNN_MAX_RSS_BYTES) {
                missed.add("peak RSS >= 600 MB");
            }
        }
        if (!(r.testAccuracy() >= MIN_ACCURACY)) {
            missed.add("accuracy < 0.80 after the benchmark's epochs");
        }
        return missed;
    }

    /** Whether {@code backend} has a target beyond accuracy here. */
    boolean hasOwnTarget(String backend) {
        return switch (this) {
            case MLP -> List.of("pure", "tf", "dl4j").contains(backend);
            case CONVOLUTIONAL -> backend.equals("pure");
            case OTHER -> false;
        };
    }
}
