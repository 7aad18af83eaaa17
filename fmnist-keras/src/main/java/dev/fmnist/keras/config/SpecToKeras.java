package dev.fmnist.keras.config;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An fmnist description as Keras layers, named as Keras names them ({@code dense}, {@code dense_1}, ...), with
 * each layer's {@code config} holding the keys Keras 2 writes. Writers serialise it; readers of weights-only
 * files walk it to find each layer's weights.
 */
public final class SpecToKeras {
    private SpecToKeras() {
    }

    /** The Sequential model of a description (no InputLayer: {@link #inputShape()} gives its shape). */
    public static KerasLayer toKeras(ModelSpec spec) {
        Map<String, Integer> used = new HashMap<>();
        List<KerasLayer> layers = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            String className = className(l, i);
            String base = KerasNames.snakeCase(className);
            Integer n = used.merge(base, 1, Integer::sum) - 1;
            String name = n == 0 ? base : base + "_" + n;
            layers.add(new KerasLayer(className, name, config(l, name), List.of()));
        }
        return new KerasLayer(KerasModelConfig.SEQUENTIAL, "sequential", Map.of("name", "sequential"), layers);
    }

    /** The input shape, without the batch dimension, as Keras records it for a channels-last 28x28 image. */
    public static List<Integer> inputShape() {
        return List.of(Images.ROWS, Images.COLS);
    }

    /** Each layer's input shape (without the batch dimension), as Keras's {@code build_config} records it. */
    public static List<List<Integer>> buildShapes(ModelSpec spec) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> shape = inputShape();
        for (LayerSpec l : spec.layers()) {
            out.add(shape);
            if (l instanceof LayerSpec.Flatten) {
                shape = List.of(shape.stream().reduce(1, (a, b) -> a * b));
            } else if (l instanceof LayerSpec.Dense d) {
                shape = List.of(d.units());
            }
        }
        return out;
    }

    private static Map<String, Object> config(LayerSpec l, String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("trainable", true);
        c.put("dtype", "float32");
        if (l instanceof LayerSpec.Flatten) {
            c.put("data_format", "channels_last");
        } else if (l instanceof LayerSpec.Dense d) {
            c.put("units", d.units());
            c.put("activation", d.activation().keyword());
            c.put("use_bias", true);
            c.put("kernel_initializer", initializer("GlorotUniform", true));
            c.put("bias_initializer", initializer("Zeros", false));
            for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                    "kernel_constraint", "bias_constraint")) {
                c.put(k, null);
            }
        } else if (l instanceof LayerSpec.Dropout d) {
            c.put("rate", d.rate());
            c.put("noise_shape", null);
            c.put("seed", null);
        }
        return c;
    }

    private static String className(LayerSpec l, int i) {
        if (l instanceof LayerSpec.Flatten) {
            return "Flatten";
        }
        if (l instanceof LayerSpec.Dense) {
            return "Dense";
        }
        if (l instanceof LayerSpec.Dropout) {
            return "Dropout";
        }
        throw new UnsupportedModelException("layer " + (i + 1) + " (" + l.type() + ") has no Keras equivalent yet");
    }

    private static Map<String, Object> initializer(String className, boolean seeded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", className);
        Map<String, Object> c = new LinkedHashMap<>();
        if (seeded) {
            c.put("seed", null);
        }
        m.put("config", c);
        return m;
    }
}
