package dev.fmnist.api.model.keras;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.json.Json;
import dev.fmnist.api.json.JsonFields;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras's description of a {@code Sequential} model (what {@code model.to_json()} writes, and the
 * {@code model_config} of {@code .h5} files and {@code config.json} of {@code .keras} files) as a
 * {@link ModelSpec}. Reads every variant Keras has written:
 * <ul>
 * <li>Keras up to 2.1: {@code config} is the plain list of layers;</li>
 * <li>Keras 2.1.6-2.4: {@code {"name", "layers"}}, the first layer carrying {@code batch_input_shape};</li>
 * <li>Keras 2.5-2.x: an {@code InputLayer} with {@code batch_input_shape};</li>
 * <li>Keras 3: an {@code InputLayer} with {@code batch_shape}, {@code module} and {@code registered_name}
 *     keys, dtype as a {@code DTypePolicy} object, {@code build_config}s.</li>
 * </ul>
 * A {@code Sequential} nested in the model contributes its layers in place. A {@code Rescaling} layer before
 * any other becomes the description's {@link InputRange} and is not kept as a layer. Layer names are not
 * kept: fmnist names layers as Keras does by default ({@code dense}, {@code dense_1}, ...), in model order.
 * Initializer options are ignored (fmnist starts from Keras's defaults); any other option fmnist does not
 * run, and any other layer class, is a one-line {@link InvalidInputException} naming the Keras class and
 * its position ({@code Keras layer 3 (Conv2D 'conv2d_1')}).
 */
public final class KerasModelConfig {
    private KerasModelConfig() {
    }

    /** Whether a parsed JSON object looks like Keras's (a {@code class_name} at the top). */
    public static boolean isKeras(Map<String, Object> json) {
        return json.get("class_name") instanceof String;
    }

    /** The description in Keras's JSON text. */
    public static ModelSpec parse(String json) {
        return toSpec(Json.parseObject(json));
    }

    /** The description from Keras's parsed model config, named as the Sequential is (else {@code keras}). */
    public static ModelSpec toSpec(Map<String, Object> modelConfig) {
        String cls = JsonFields.string(modelConfig, "class_name");
        if (!cls.equals("Sequential")) {
            throw new InvalidInputException("Keras model class '" + cls + "' is not supported: fmnist reads "
                    + "Sequential models");
        }
        Object config = modelConfig.get("config");
        String name = config instanceof Map<?, ?> m && m.get("name") instanceof String s ? s : "keras";
        Reader reader = new Reader();
        reader.sequential(config, "the Sequential model");
        if (reader.input == null && config instanceof Map<?, ?> m && m.get("build_input_shape") instanceof List<?> l) {
            reader.input = batchShape(l, "the Sequential model's build_input_shape");
        }
        Shape input = reader.input == null ? Shape.IMAGE : reader.input;
        return new ModelSpec(name, input, reader.layers, reader.range);
    }

    /** Walks layer lists, nested Sequentials included, keeping count of positions. */
    private static final class Reader {
        final List<LayerSpec> layers = new ArrayList<>();
        Shape input;
        Shape current;
        InputRange range = InputRange.UNIT;
        int position;

        @SuppressWarnings("unchecked")
        void sequential(Object config, String what) {
            List<Object> list;
            if (config instanceof List<?> l) {
                list = (List<Object>) l;
            } else if (config instanceof Map<?, ?> m && m.get("layers") instanceof List<?> l) {
                list = (List<Object>) l;
            } else {
                throw new InvalidInputException(what + " has no list of layers in its config");
            }
            for (Object o : list) {
                layer(JsonFields.asObject(o, "Keras layer " + (position + 1)));
            }
        }

        void layer(Map<String, Object> entry) {
            position++;
            String cls = JsonFields.string(entry, "class_name");
            Map<String, Object> config = entry.get("config") instanceof Map<?, ?> ? JsonFields.object(entry, "config")
                    : Map.of();
            String where = "Keras layer " + position + " (" + cls
                    + (config.get("name") instanceof String n ? " '" + n + "'" : "") + ")";
            if (cls.equals("Sequential")) {
                position--;
                sequential(entry.get("config"), where);
                return;
            }
            KerasConfig c = new KerasConfig(config, where);
            Object shape = c.raw(cls.equals("InputLayer") && c.has("batch_shape") ? "batch_shape" : "batch_input_shape");
            if (shape == null && cls.equals("InputLayer")) {
                shape = c.raw("shape");
                if (shape instanceof List<?> l) {
                    List<Object> withBatch = new ArrayList<>();
                    withBatch.add(null);
                    withBatch.addAll(l);
                    shape = withBatch;
                }
            }
            if (shape != null) {
                if (!(shape instanceof List<?> l)) {
                    throw c.fail("the input shape must be a list, got " + shape);
                }
                Shape given = batchShape(l, where);
                if (input == null && layers.isEmpty()) {
                    input = given;
                    current = given;
                } else if (!given.equals(current)) {
                    throw c.fail("input shape " + given + " does not match the " + current + " it receives");
                }
            }
            if (current == null) {
                current = Shape.IMAGE;
            }
            if (cls.equals("InputLayer")) {
                c.ignore("sparse", "ragged", "input_tensor", "optional");
                c.rejectUnread();
                return;
            }
            if (cls.equals("Rescaling")) {
                if (!layers.isEmpty()) {
                    throw c.fail("Rescaling is supported only before every other layer");
                }
                double scale = c.number("scale", Double.NaN);
                double offset = c.number("offset", 0);
                c.rejectUnread();
                range = new InputRange(scale, offset);
                return;
            }
            LayerSpec layer = KerasLayers.translate(cls, c, current);
            try {
                current = layer.outputShape(current);
            } catch (InvalidInputException e) {
                throw c.fail(e.getMessage());
            }
            layers.add(layer);
        }
    }

    /** A Keras batch shape {@code [null, 28, 28, 1]} without its batch axis. */
    private static Shape batchShape(List<?> list, String where) {
        if (list.size() < 2) {
            throw new InvalidInputException(where + ": input shape " + list + " has no dimensions after the batch");
        }
        int[] dims = new int[list.size() - 1];
        for (int i = 1; i < list.size(); i++) {
            if (!(list.get(i) instanceof Long d) || d <= 0 || d > Integer.MAX_VALUE) {
                throw new InvalidInputException(where + ": input shape " + list + " must have fixed positive sizes");
            }
            dims[i - 1] = (int) (long) d;
        }
        return Shape.of(dims);
    }
}
