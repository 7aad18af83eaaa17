package dev.fmnist.keras;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.ModelSpec;

/**
 * The input range declared on import ({@code --input-range 0-255} for a model trained on raw pixels), stored in
 * the imported description so every later use (any backend, any export) applies it.
 */
final class InputRanges {
    /** Raw pixels: the network sees {@code p} itself. */
    static final InputRange RAW = new InputRange(1, 0);

    private InputRanges() {
    }

    /** The range an option names. @throws InvalidInputException for anything but {@code 0-1} and {@code 0-255} */
    static InputRange parse(String option) {
        return switch (option.replace(" ", "")) {
            case "0-1" -> InputRange.UNIT;
            case "0-255" -> RAW;
            default -> throw new InvalidInputException("unknown input range '" + option + "'; use 0-1 or 0-255");
        };
    }

    /**
     * The description with the declared range. A file that states its own range (a Rescaling layer) keeps it; a
     * declaration that contradicts it is an error.
     */
    static ModelSpec apply(ModelSpec spec, ReadOptions options) {
        if (options.inputRange() == null) {
            return spec;
        }
        InputRange declared = parse(options.inputRange());
        if (spec.inputRange().equals(declared)) {
            return spec;
        }
        if (!spec.inputRange().isUnit()) {
            throw new InvalidInputException("the model rescales its input itself (scale " + spec.inputRange().scale()
                    + ", offset " + spec.inputRange().offset() + "); --input-range " + options.inputRange()
                    + " contradicts it");
        }
        return new ModelSpec(spec.name(), spec.inputShape(), spec.layers(), declared);
    }
}
