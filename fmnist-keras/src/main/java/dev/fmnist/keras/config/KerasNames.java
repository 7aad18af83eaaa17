package dev.fmnist.keras.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keras's naming rules. */
public final class KerasNames {
    private static final Pattern NON_WORD = Pattern.compile("\\W+");
    private static final Pattern CAP_WORD = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern LOWER_UPPER = Pattern.compile("([a-z])([A-Z])");

    private KerasNames() {
    }

    /**
     * Keras's {@code naming.to_snake_case}, which names layers and {@code .keras} weight groups:
     * {@code Dense} to {@code dense}, {@code MaxPooling2D} to {@code max_pooling2d}, {@code ReLU} to {@code re_lu}.
     */
    public static String snakeCase(String className) {
        String s = NON_WORD.matcher(className).replaceAll("");
        s = CAP_WORD.matcher(s).replaceAll("$1_$2");
        return LOWER_UPPER.matcher(s).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
