package dev.fmnist.spark.sweep;

import dev.fmnist.api.error.InvalidInputException;
import java.io.Serializable;

/**
 * What every task of a sweep shares.
 *
 * @param dataDirectory where the executors find the four Fashion-MNIST files, or null to look in the
 *     usual places ({@code FMNIST_DATA}, {@code ~/.fmnist/data}, Debian's package)
 * @param validationFraction the last fraction of the training images held out for validation (as
 *     Keras's {@code validation_split}), 0 for none
 * @param trainLimit train on the first this many training images (0: all), for quick sweeps
 * @param threads training threads per task (1 matches Spark's one core per task)
 * @param modelDirectory where the trained models go (any Hadoop file system URI), or null to keep none
 */
public record SweepSettings(String dataDirectory, double validationFraction, int trainLimit, int threads,
        String modelDirectory) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepSettings {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new InvalidInputException("--validation-split must be in [0, 1), got " + validationFraction);
        }
        if (trainLimit < 0) {
            throw new InvalidInputException("--train-limit must not be negative, got " + trainLimit);
        }
        if (threads < 1 || threads > 64) {
            throw new InvalidInputException("--threads must be 1 to 64, got " + threads);
        }
    }
}
