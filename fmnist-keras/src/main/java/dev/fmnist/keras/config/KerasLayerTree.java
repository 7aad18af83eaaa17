package dev.fmnist.keras.config;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the layer structure of a Keras model configuration (an h5 file's {@code model_config}, a
 * {@code .keras} file's {@code config.json}, or {@code model.to_json()}) in each variant Keras has written:
 * {@code config} as a plain list of layers (up to Keras 2.1) or as {@code {name, layers}}, with or without an
 * {@code InputLayer}, Keras 3's {@code module}/{@code registered_name} keys, and Sequentials nested inside
 * Sequentials. The layers' own settings are left to the translation into an fmnist description.
 */
public final class KerasLayerTree {
    /** The one container class read. */
    public static final String SEQUENTIAL = "Sequential";
    /** Keras's input placeholder, which has no weights and no place in {@code model.layers}. */
    public static final String INPUT_LAYER = "InputLayer";
    private static final int MAX_DEPTH = 16;

    private KerasLayerTree() {
    }

    /** The model of a configuration's JSON text. @throws ModelFormatException for anything but a Sequential */
    public static KerasLayer parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (FmnistException e) {
            throw new ModelFormatException("the Keras model configuration is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new ModelFormatException("the Keras model configuration is not a JSON object");
        }
        return layer(cast(m), 0);
    }

    /** Whether a JSON object looks like a Keras configuration rather than an fmnist description. */
    public static boolean isKeras(Map<String, Object> json) {
        return json.containsKey("class_name") && json.containsKey("config");
    }

    /** The model of a parsed configuration object. */
    public static KerasLayer of(Map<String, Object> json) {
        return layer(json, 0);
    }

    private static KerasLayer layer(Map<String, Object> m, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ModelFormatException("the Keras model configuration nests models too deeply");
        }
        if (!(m.get("class_name") instanceof String className)) {
            throw new ModelFormatException("a layer of the Keras model configuration has no class_name");
        }
        Object rawConfig = m.get("config");
        if (!SEQUENTIAL.equals(className)) {
            Map<String, Object> config = rawConfig instanceof Map<?, ?> c ? cast(c) : Map.of();
            String name = config.get("name") instanceof String s ? s : className;
            return new KerasLayer(className, name, config, List.of());
        }
        Map<String, Object> config;
        List<?> layerList;
        if (rawConfig instanceof List<?> list) {
            config = Map.of();
            layerList = list;
        } else if (rawConfig instanceof Map<?, ?> c && c.get("layers") instanceof List<?> list) {
            config = cast(c);
            layerList = list;
        } else {
            throw new ModelFormatException("the Sequential of the Keras model configuration has no layers");
        }
        List<KerasLayer> layers = new ArrayList<>();
        for (Object o : layerList) {
            if (!(o instanceof Map<?, ?> lm)) {
                throw new ModelFormatException("a layer of the Keras model configuration is not an object");
            }
            KerasLayer child = layer(cast(lm), depth + 1);
            if (!INPUT_LAYER.equals(child.className())) {
                layers.add(child);
            }
        }
        Map<String, Object> kept = new LinkedHashMap<>(config);
        kept.remove("layers");
        String name = kept.get("name") instanceof String s ? s : "sequential";
        return new KerasLayer(className, name, kept, layers);
    }

    /** The {@code batch_input_shape} or {@code batch_shape} the configuration declares, if any. */
    public static List<?> declaredInputShape(Map<String, Object> json) {
        Object config = json.get("config");
        List<?> layers = config instanceof List<?> l ? l : config instanceof Map<?, ?> c && c.get("layers")
                instanceof List<?> l2 ? l2 : List.of();
        if (layers.isEmpty() || !(layers.get(0) instanceof Map<?, ?> first)
                || !(first.get("config") instanceof Map<?, ?> fc)) {
            return null;
        }
        Object shape = fc.get("batch_shape") != null ? fc.get("batch_shape") : fc.get("batch_input_shape");
        return shape instanceof List<?> s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
