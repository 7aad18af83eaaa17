package dev.fmnist.keras.config;

import dev.fmnist.api.model.LayerNode;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An fmnist description as Keras layers, named as the description names them ({@code dense}, {@code dense_1},
 * ...: Keras's own default names), each {@code config} holding the keys Keras writes (fmnist's JSON already
 * uses Keras's keys), a non-default input range as a leading {@code Rescaling} layer. Writers serialise it;
 * readers of weights-only files walk it to find each layer's weights.
 */
public final class SpecToKeras {
    private SpecToKeras() {
    }

    /** The Sequential model of a description (no InputLayer: the description's input shape gives it). */
    public static KerasLayer toKeras(ModelSpec spec) {
        List<KerasLayer> layers = new ArrayList<>();
        if (!spec.inputRange().isUnit()) {
            Map<String, Object> c = base("rescaling");
            c.put("scale", spec.inputRange().scale());
            c.put("offset", spec.inputRange().offset());
            layers.add(new KerasLayer("Rescaling", "rescaling", c, List.of()));
        }
        @SuppressWarnings("unchecked")
        List<Object> json = (List<Object>) spec.toJson().get("layers");
        List<LayerNode> nodes = spec.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            LayerNode node = nodes.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> own = (Map<String, Object>) json.get(i);
            layers.add(new KerasLayer(node.layer().kerasClass(), node.name(), config(node, own), List.of()));
        }
        return new KerasLayer(KerasLayerTree.SEQUENTIAL, "sequential", Map.of("name", "sequential"), layers);
    }

    /** Each Keras layer's input shape (without the batch axis), as Keras's {@code build_config} records it. */
    public static List<List<Integer>> buildShapes(ModelSpec spec) {
        List<List<Integer>> out = new ArrayList<>();
        if (!spec.inputRange().isUnit()) {
            out.add(dims(spec.inputShape()));
        }
        for (LayerNode n : spec.nodes()) {
            out.add(dims(n.input()));
        }
        return out;
    }

    /** A shape's dimensions as a list. */
    public static List<Integer> dims(Shape shape) {
        List<Integer> out = new ArrayList<>();
        for (int d : shape.dims()) {
            out.add(d);
        }
        return out;
    }

    private static Map<String, Object> base(String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("trainable", true);
        c.put("dtype", "float32");
        return c;
    }

    private static Map<String, Object> config(LayerNode node, Map<String, Object> own) {
        Map<String, Object> c = base(node.name());
        LayerSpec l = node.layer();
        for (Map.Entry<String, Object> e : own.entrySet()) {
            if (!e.getKey().equals("type")) {
                c.put(e.getKey(), e.getValue());
            }
        }
        if (l instanceof LayerSpec.Dense || l instanceof LayerSpec.Conv2D) {
            c.putIfAbsent("use_bias", true);
            if (l instanceof LayerSpec.Conv2D) {
                c.put("data_format", "channels_last");
                c.put("dilation_rate", List.of(1, 1));
                c.put("groups", 1);
            }
            c.put("kernel_initializer", initializer("GlorotUniform", true));
            c.put("bias_initializer", initializer("Zeros", false));
            for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                    "kernel_constraint", "bias_constraint")) {
                c.put(k, null);
            }
        } else if (l instanceof LayerSpec.BatchNormalization) {
            for (String k : List.of("beta", "gamma", "moving_mean", "moving_variance")) {
                c.put(k + "_initializer", initializer(k.equals("gamma") || k.equals("moving_variance") ? "Ones"
                        : "Zeros", false));
            }
        } else if (l instanceof LayerSpec.Flatten || l instanceof LayerSpec.MaxPooling2D
                || l instanceof LayerSpec.AveragePooling2D || l instanceof LayerSpec.GlobalAveragePooling2D) {
            c.put("data_format", "channels_last");
        } else if (l instanceof LayerSpec.Dropout) {
            c.put("noise_shape", null);
            c.put("seed", null);
        } else if (l instanceof LayerSpec.ReLU) {
            c.put("max_value", null);
            c.put("negative_slope", 0.0);
            c.put("threshold", 0.0);
        } else if (l instanceof LayerSpec.Softmax) {
            c.put("axis", -1);
        }
        return c;
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
