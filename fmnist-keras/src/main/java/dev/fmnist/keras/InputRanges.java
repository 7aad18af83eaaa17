package dev.fmnist.keras;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.model.ModelSpec;

/** The input range declared on import ({@code --input-range}), applied to the imported description. */
final class InputRanges {
    private InputRanges() {
    }

    /** The description with the declared input range. */
    static ModelSpec apply(ModelSpec spec, ReadOptions options) {
        String range = options.inputRange();
        if (range == null || "0-1".equals(range)) {
            return spec;
        }
        throw new InvalidInputException("input range '" + range + "' is not supported yet; use 0-1");
    }
}
