package dev.fmnist.api.model;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A backend-neutral description of a sequential network over 28x28 images that ends in ten class
 * probabilities. It round-trips through JSON and names its parameters in the portable layout (see
 * {@link #parameterShapes()}).
 *
 * @param name a short name such as {@code "mlp"}
 * @param layers the layers, input first
 */
public record ModelSpec(String name, List<LayerSpec> layers) {

    /** The preset names understood by {@link #preset(String)}. */
    public static final List<String> PRESETS = List.of("mlp");

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new InvalidInputException("model '" + name + "' has no layers");
        }
        if (!(layers.get(layers.size() - 1) instanceof LayerSpec.Dense last)
                || last.units() != FashionClass.COUNT || last.activation() != Activation.SOFTMAX) {
            throw new InvalidInputException("model '" + name + "' must end with dense(" + FashionClass.COUNT
                    + ", softmax) to give class probabilities");
        }
    }

    /**
     * The tutorial's network: Flatten(28x28) -> Dense 128 ReLU -> Dense 10 softmax, 101,770 parameters.
     */
    public static ModelSpec mlp() {
        return new ModelSpec("mlp", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(128, Activation.RELU),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
    }

    /** A named preset. @throws InvalidInputException naming the known presets */
    public static ModelSpec preset(String name) {
        if ("mlp".equals(name)) {
            return mlp();
        }
        throw new InvalidInputException("unknown model '" + name + "'; known: " + PRESETS);
    }

    /** The dense layers, in order. */
    public List<LayerSpec.Dense> denseLayers() {
        List<LayerSpec.Dense> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            if (l instanceof LayerSpec.Dense d) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The portable parameter layout, in file order. For the i-th dense layer (0-based):
     * {@code dense_i/kernel} of shape {@code [inputs, units]} (row-major: the weight from input r to unit
     * c is at {@code r * units + c}, as Keras stores it) and {@code dense_i/bias} of shape
     * {@code [units]}. Only models of Flatten and Dense layers have a layout so far.
     *
     * @throws InvalidInputException for layers without a defined layout yet
     */
    public Map<String, int[]> parameterShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        int width = Images.PIXELS;
        int dense = 0;
        for (LayerSpec l : layers) {
            if (l instanceof LayerSpec.Dense d) {
                shapes.put("dense_" + dense + "/kernel", new int[] {width, d.units()});
                shapes.put("dense_" + dense + "/bias", new int[] {d.units()});
                width = d.units();
                dense++;
            } else if (!(l instanceof LayerSpec.Flatten) && !(l instanceof LayerSpec.Dropout)) {
                throw new InvalidInputException("layer '" + l.type() + "' has no portable parameter layout yet");
            }
        }
        return shapes;
    }

    /** Total number of trainable parameters. */
    public long parameterCount() {
        long n = 0;
        for (int[] shape : parameterShapes().values()) {
            n += Tensor.elementCount(shape);
        }
        return n;
    }

    /** The description as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("input_shape", List.of(Images.ROWS, Images.COLS));
        List<Object> ls = new ArrayList<>();
        for (LayerSpec l : layers) {
            ls.add(l.toJson());
        }
        m.put("layers", ls);
        return m;
    }

    /** The description as JSON text. */
    public String toJsonString() {
        return Json.writePretty(toJson());
    }

    /** Reads a description from a JSON object. */
    public static ModelSpec fromJson(Map<String, Object> m) {
        List<LayerSpec> layers = new ArrayList<>();
        for (Object o : JsonFields.array(m, "layers")) {
            layers.add(LayerSpec.fromJson(JsonFields.asObject(o, "layer")));
        }
        return new ModelSpec(JsonFields.string(m, "name"), layers);
    }

    /** Reads a description from JSON text. */
    public static ModelSpec fromJson(String json) {
        return fromJson(Json.parseObject(json));
    }

    /** A one-line summary such as {@code mlp: flatten -> dense(128, relu) -> dense(10, softmax)}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(name).append(": ");
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            if (i > 0) {
                sb.append(" -> ");
            }
            sb.append(l.type());
            if (l instanceof LayerSpec.Dense d) {
                sb.append('(').append(d.units()).append(", ").append(d.activation().keyword()).append(')');
            }
        }
        return sb.toString();
    }
}
