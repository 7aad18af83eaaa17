package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.json.JsonException;
import dev.fmnist.api.json.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fmnist's JSON for model descriptions:
 * {@code {"name", "input_shape": [28, 28], "input_range": {"scale", "offset"} (when not [0, 1]), "layers"}},
 * each layer {@code {"type": <Keras's snake-case name>, <Keras's config keys>}}. Dense leaves out
 * {@code use_bias} when true, so the tutorial's network reads as it always has. Older files' {@code maxpool2d}
 * and integer {@code kernel_size} are still read.
 */
final class SpecJson {
    private SpecJson() {
    }

    static Map<String, Object> toJson(ModelSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("input_shape", dims(spec.inputShape()));
        if (!spec.inputRange().equals(InputRange.UNIT)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("scale", spec.inputRange().scale());
            r.put("offset", spec.inputRange().offset());
            m.put("input_range", r);
        }
        List<Object> ls = new ArrayList<>();
        for (LayerSpec l : spec.layers()) {
            ls.add(layer(l));
        }
        m.put("layers", ls);
        return m;
    }

    static ModelSpec fromJson(Map<String, Object> m) {
        List<LayerSpec> layers = new ArrayList<>();
        List<Object> list = JsonFields.array(m, "layers");
        for (int i = 0; i < list.size(); i++) {
            layers.add(layer(JsonFields.asObject(list.get(i), "layer " + (i + 1)), i));
        }
        String name = JsonFields.string(m, "name");
        Shape input = m.get("input_shape") == null ? Shape.IMAGE : shape(JsonFields.array(m, "input_shape"));
        InputRange range = InputRange.UNIT;
        if (m.get("input_range") != null) {
            Map<String, Object> r = JsonFields.object(m, "input_range");
            range = new InputRange(JsonFields.number(r, "scale"), JsonFields.number(r, "offset", 0));
        }
        return new ModelSpec(name, input, layers, range);
    }

    static Map<String, Object> layer(LayerSpec l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", l.type());
        if (l instanceof LayerSpec.InputLayer in) {
            m.put("shape", dims(in.shape()));
        } else if (l instanceof LayerSpec.Dense d) {
            m.put("units", d.units());
            m.put("activation", d.activation().keyword());
            if (!d.useBias()) {
                m.put("use_bias", false);
            }
        } else if (l instanceof LayerSpec.Conv2D c) {
            m.put("filters", c.filters());
            m.put("kernel_size", pair(c.kernelSize()));
            m.put("strides", pair(c.strides()));
            m.put("padding", c.padding().keyword());
            m.put("activation", c.activation().keyword());
            m.put("use_bias", c.useBias());
        } else if (l instanceof LayerSpec.MaxPooling2D p) {
            pool(m, p.poolSize(), p.strides(), p.padding());
        } else if (l instanceof LayerSpec.AveragePooling2D p) {
            pool(m, p.poolSize(), p.strides(), p.padding());
        } else if (l instanceof LayerSpec.Reshape r) {
            m.put("target_shape", dims(r.targetShape()));
        } else if (l instanceof LayerSpec.Dropout d) {
            m.put("rate", d.rate());
        } else if (l instanceof LayerSpec.BatchNormalization b) {
            m.put("axis", b.axis());
            m.put("momentum", b.momentum());
            m.put("epsilon", b.epsilon());
            m.put("center", b.center());
            m.put("scale", b.scale());
        } else if (l instanceof LayerSpec.ActivationLayer a) {
            m.put("activation", a.activation().keyword());
        }
        return m;
    }

    static LayerSpec layer(Map<String, Object> m, int index) {
        String type = JsonFields.string(m, "type");
        String where = "layer " + (index + 1) + " (" + type + ")";
        try {
            return switch (type) {
                case "input_layer" -> only(m, where, Set.of("shape"),
                        new LayerSpec.InputLayer(shape(JsonFields.array(m, "shape"))));
                case "flatten" -> only(m, where, Set.of(), new LayerSpec.Flatten());
                case "dense" -> only(m, where, Set.of("units", "activation", "use_bias"),
                        new LayerSpec.Dense(JsonFields.smallInt(m, "units"),
                                Activation.of(JsonFields.string(m, "activation", "linear")),
                                JsonFields.bool(m, "use_bias", true)));
                case "conv2d" -> only(m, where, Set.of("filters", "kernel_size", "strides", "padding", "activation",
                        "use_bias"), new LayerSpec.Conv2D(JsonFields.smallInt(m, "filters"),
                                size(m, "kernel_size", null), size(m, "strides", Size2D.square(1)),
                                Padding.of(JsonFields.string(m, "padding", "valid")),
                                Activation.of(JsonFields.string(m, "activation", "linear")),
                                JsonFields.bool(m, "use_bias", true)));
                case "max_pooling2d", "maxpool2d" -> {
                    Size2D pool = size(m, "pool_size", Size2D.square(2));
                    yield only(m, where, Set.of("pool_size", "strides", "padding"), new LayerSpec.MaxPooling2D(pool,
                            size(m, "strides", pool), Padding.of(JsonFields.string(m, "padding", "valid"))));
                }
                case "average_pooling2d" -> {
                    Size2D pool = size(m, "pool_size", Size2D.square(2));
                    yield only(m, where, Set.of("pool_size", "strides", "padding"), new LayerSpec.AveragePooling2D(
                            pool, size(m, "strides", pool), Padding.of(JsonFields.string(m, "padding", "valid"))));
                }
                case "global_average_pooling2d" -> only(m, where, Set.of(), new LayerSpec.GlobalAveragePooling2D());
                case "reshape" -> only(m, where, Set.of("target_shape"),
                        new LayerSpec.Reshape(shape(JsonFields.array(m, "target_shape"))));
                case "dropout" -> only(m, where, Set.of("rate"), new LayerSpec.Dropout(JsonFields.number(m, "rate")));
                case "batch_normalization" -> only(m, where, Set.of("axis", "momentum", "epsilon", "center", "scale"),
                        new LayerSpec.BatchNormalization((int) JsonFields.number(m, "axis", -1),
                                JsonFields.number(m, "momentum", 0.99), JsonFields.number(m, "epsilon", 1e-3),
                                JsonFields.bool(m, "center", true), JsonFields.bool(m, "scale", true)));
                case "activation" -> only(m, where, Set.of("activation"),
                        new LayerSpec.ActivationLayer(Activation.of(JsonFields.string(m, "activation"))));
                case "re_lu" -> only(m, where, Set.of(), new LayerSpec.ReLU());
                case "softmax" -> only(m, where, Set.of(), new LayerSpec.Softmax());
                default -> throw new InvalidInputException("unknown layer type '" + type + "'");
            };
        } catch (InvalidInputException | JsonException e) {
            if (e.getMessage().startsWith("unknown layer type")) {
                throw new InvalidInputException(e.getMessage() + " at layer " + (index + 1) + "; known: "
                        + KNOWN, e);
            }
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
    }

    /** A layer in a few words, for {@link ModelSpec#summary()}: {@code dense(128, relu)}. */
    static String brief(LayerSpec l) {
        if (l instanceof LayerSpec.Dense d) {
            return "dense(" + d.units() + ", " + d.activation().keyword() + (d.useBias() ? "" : ", no bias") + ")";
        } else if (l instanceof LayerSpec.Conv2D c) {
            return "conv2d(" + c.filters() + ", " + c.kernelSize().height() + "x" + c.kernelSize().width()
                    + (c.strides().equals(Size2D.square(1)) ? "" : " stride " + c.strides()) + ", "
                    + c.padding().keyword() + ", " + c.activation().keyword() + ")";
        } else if (l instanceof LayerSpec.MaxPooling2D p) {
            return "max_pooling2d(" + p.poolSize().height() + "x" + p.poolSize().width() + ")";
        } else if (l instanceof LayerSpec.AveragePooling2D p) {
            return "average_pooling2d(" + p.poolSize().height() + "x" + p.poolSize().width() + ")";
        } else if (l instanceof LayerSpec.Dropout d) {
            return "dropout(" + d.rate() + ")";
        } else if (l instanceof LayerSpec.ActivationLayer a) {
            return "activation(" + a.activation().keyword() + ")";
        }
        return l.type();
    }

    private static final List<String> KNOWN = List.of("input_layer", "flatten", "dense", "conv2d", "max_pooling2d",
            "average_pooling2d", "global_average_pooling2d", "reshape", "dropout", "batch_normalization",
            "activation", "re_lu", "softmax");

    private static LayerSpec only(Map<String, Object> m, String where, Set<String> keys, LayerSpec layer) {
        for (String k : m.keySet()) {
            if (!k.equals("type") && !keys.contains(k)) {
                throw new InvalidInputException(where + ": unknown option '" + k + "'; known: " + keys);
            }
        }
        return layer;
    }

    private static void pool(Map<String, Object> m, Size2D pool, Size2D strides, Padding padding) {
        m.put("pool_size", pair(pool));
        m.put("strides", pair(strides));
        m.put("padding", padding.keyword());
    }

    private static List<Integer> pair(Size2D s) {
        return List.of(s.height(), s.width());
    }

    private static List<Integer> dims(Shape s) {
        List<Integer> out = new ArrayList<>();
        for (int d : s.dims()) {
            out.add(d);
        }
        return out;
    }

    /** A {@code [h, w]} pair or a single integer for both; {@code fallback} when absent (null: required). */
    static Size2D size(Map<String, Object> m, String key, Size2D fallback) {
        Object v = m.get(key);
        if (v == null) {
            if (fallback == null) {
                JsonFields.required(m, key);
            }
            return fallback;
        }
        if (v instanceof Long n) {
            return Size2D.square(Math.toIntExact(n));
        }
        List<Object> l = JsonFields.array(m, key);
        if (l.size() != 2 || !(l.get(0) instanceof Long h) || !(l.get(1) instanceof Long w)) {
            throw new InvalidInputException("'" + key + "' must be an integer or a pair of integers, got " + v);
        }
        return new Size2D(Math.toIntExact(h), Math.toIntExact(w));
    }

    /** A shape from a JSON array of positive integers. */
    static Shape shape(List<Object> list) {
        int[] d = new int[list.size()];
        for (int i = 0; i < d.length; i++) {
            if (!(list.get(i) instanceof Long v) || v <= 0 || v > Integer.MAX_VALUE) {
                throw new InvalidInputException("shape " + list + " must hold positive integers");
            }
            d[i] = (int) (long) v;
        }
        return Shape.of(d);
    }
}
