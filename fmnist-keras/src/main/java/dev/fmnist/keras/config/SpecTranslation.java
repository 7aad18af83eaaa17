package dev.fmnist.keras.config;

import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keras model configuration as an fmnist description, for the layers the API describes so far: Flatten,
 * Dense and Dropout (InputLayer carries only the input shape).
 */
public final class SpecTranslation {
    private SpecTranslation() {
    }

    /** The description of a Keras model. @throws UnsupportedModelException naming the Keras class and position */
    public static ModelSpec toSpec(KerasLayer model) {
        List<LayerSpec> layers = new ArrayList<>();
        List<KerasLayer> leaves = model.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            KerasLayer l = leaves.get(i);
            layers.add(switch (l.className()) {
                case "Flatten" -> new LayerSpec.Flatten();
                case "Dense" -> new LayerSpec.Dense(intOf(l, "units", i), activation(l, i));
                case "Dropout" -> new LayerSpec.Dropout(((Number) l.config().getOrDefault("rate", 0.0)).doubleValue());
                default -> throw new UnsupportedModelException("Keras layer " + l.className() + " '" + l.name()
                        + "' (layer " + (i + 1) + ") is not supported");
            });
        }
        return new ModelSpec(model.name(), layers);
    }

    private static int intOf(KerasLayer l, String key, int i) {
        if (!(l.config().get(key) instanceof Number n)) {
            throw new UnsupportedModelException("Keras layer " + l.className() + " '" + l.name() + "' (layer "
                    + (i + 1) + ") has no '" + key + "'");
        }
        return n.intValue();
    }

    private static Activation activation(KerasLayer l, int i) {
        Object a = l.config().getOrDefault("activation", "linear");
        if (!(a instanceof String s)) {
            throw new UnsupportedModelException("Keras layer " + l.name() + " (layer " + (i + 1)
                    + ") has a custom activation");
        }
        try {
            return Activation.of(s);
        } catch (RuntimeException e) {
            throw new UnsupportedModelException("Keras layer " + l.name() + " (layer " + (i + 1)
                    + ") has activation '" + s + "', which fmnist does not support");
        }
    }
}
