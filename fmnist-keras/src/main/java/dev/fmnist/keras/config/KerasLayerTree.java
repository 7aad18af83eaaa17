package dev.fmnist.keras.config;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer tree of a Keras model configuration (an h5 file's {@code model_config}, a {@code .keras} file's
 * {@code config.json}, or {@code model.to_json()}): which classes, in which order, nested how. That is what
 * locates each layer's weights in a {@code .keras} file; the layers' settings become an fmnist description
 * in the API ({@link dev.fmnist.api.model.keras.KerasModelConfig}). Reads {@code config} as a plain list
 * (Keras up to 2.1) or as {@code {name, layers}}, leaves out {@code InputLayer}s as Keras's
 * {@code model.layers} does, and keeps nested Sequentials nested.
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
