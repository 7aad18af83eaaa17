package dev.fmnist.api.callbacks;

import dev.fmnist.api.error.InvalidInputException;
import java.util.Locale;

/**
 * A learning rate per epoch, for {@link LearningRateScheduler}: the epoch-wise forms of Keras's
 * schedules. {@code epoch} is 0-based, as Keras passes it, and {@code initial} is the configured rate.
 */
public sealed interface LearningRateSchedule {

    /** The rate for {@code epoch} (0-based) of {@code epochs}. */
    double rate(double initial, int epoch, int epochs);

    /** The schedule as {@link #parse} reads it. */
    String describe();

    /** Step decay: {@code initial * factor^floor(epoch / every)}. */
    record Step(double factor, int every) implements LearningRateSchedule {
        public Step {
            if (!(factor > 0) || every <= 0) {
                throw new InvalidInputException("step schedule needs a positive factor and epoch count, got "
                        + factor + ", " + every);
            }
        }

        @Override
        public double rate(double initial, int epoch, int epochs) {
            return initial * Math.pow(factor, Math.floor((double) epoch / every));
        }

        @Override
        public String describe() {
            return "step:" + factor + ":" + every;
        }
    }

    /** Exponential decay, Keras's {@code ExponentialDecay} per epoch: {@code initial * rate^(epoch / every)}. */
    record Exponential(double decayRate, int every) implements LearningRateSchedule {
        public Exponential {
            if (!(decayRate > 0) || every <= 0) {
                throw new InvalidInputException("exponential schedule needs a positive rate and epoch count, got "
                        + decayRate + ", " + every);
            }
        }

        @Override
        public double rate(double initial, int epoch, int epochs) {
            return initial * Math.pow(decayRate, (double) epoch / every);
        }

        @Override
        public String describe() {
            return "exponential:" + decayRate + ":" + every;
        }
    }

    /**
     * Cosine decay over the run, Keras's {@code CosineDecay} with {@code decay_steps} = the epochs:
     * {@code initial * ((1 - alpha) * 0.5 * (1 + cos(pi * epoch / epochs)) + alpha)}.
     */
    record Cosine(double alpha) implements LearningRateSchedule {
        public Cosine {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new InvalidInputException("cosine schedule alpha must be in [0, 1], got " + alpha);
            }
        }

        @Override
        public double rate(double initial, int epoch, int epochs) {
            double progress = Math.min(epoch, epochs) / (double) epochs;
            return initial * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * progress)) + alpha);
        }

        @Override
        public String describe() {
            return "cosine:" + alpha;
        }
    }

    /**
     * Parses {@code step:FACTOR[:EVERY]} (every defaults to 1), {@code exponential:RATE[:EVERY]} or
     * {@code cosine[:ALPHA]} (alpha defaults to 0).
     *
     * @throws InvalidInputException naming the accepted forms
     */
    static LearningRateSchedule parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "step" -> parts.length >= 2 && parts.length <= 3
                        ? new Step(Double.parseDouble(parts[1]), parts.length == 3 ? Integer.parseInt(parts[2]) : 1)
                        : fail(text);
                case "exponential" -> parts.length >= 2 && parts.length <= 3
                        ? new Exponential(Double.parseDouble(parts[1]),
                                parts.length == 3 ? Integer.parseInt(parts[2]) : 1)
                        : fail(text);
                case "cosine" -> parts.length <= 2 ? new Cosine(parts.length == 2 ? Double.parseDouble(parts[1]) : 0)
                        : fail(text);
                default -> fail(text);
            };
        } catch (NumberFormatException e) {
            return fail(text);
        }
    }

    private static LearningRateSchedule fail(String text) {
        throw new InvalidInputException("unknown learning-rate schedule '" + text + "'; use step:FACTOR[:EVERY], "
                + "exponential:RATE[:EVERY] or cosine[:ALPHA]");
    }
}
