package dev.fmnist.keras.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of a Keras model configuration: its class, its name, its {@code config} object, and for a
 * nested {@code Sequential} its own layers (input layers left out, as Keras's {@code model.layers} does).
 *
 * @param className the Keras class, such as {@code "Dense"}
 * @param name the layer's name ({@code "dense_1"}), or the class name when the config has none
 * @param config the layer's {@code config} object
 * @param layers the layers of a nested model, in order; empty for other layers
 */
public record KerasLayer(String className, String name, Map<String, Object> config, List<KerasLayer> layers) {

    public KerasLayer {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        layers = List.copyOf(layers);
    }

    /** Whether this is a nested model whose weights are its layers'. */
    public boolean isContainer() {
        return KerasLayerTree.SEQUENTIAL.equals(className);
    }

    /** The leaf layers in model order, nested models expanded. */
    public List<KerasLayer> leaves() {
        if (!isContainer()) {
            return List.of(this);
        }
        return layers.stream().flatMap(l -> l.leaves().stream()).toList();
    }
}
