package dev.fmnist.api.model.keras;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
import java.util.List;

/** Translates one Keras layer (class name and config) into a {@link LayerSpec}. */
final class KerasLayers {
    /** The Keras classes fmnist reads (besides Sequential, InputLayer and Rescaling). */
    static final List<String> KNOWN = List.of("InputLayer", "Rescaling", "Sequential", "Flatten", "Dense", "Conv2D",
            "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "Reshape", "Dropout", "BatchNormalization",
            "Activation", "ReLU", "Softmax");

    private static final String[] WEIGHT_OPTIONS = {"kernel_initializer", "bias_initializer"};

    private KerasLayers() {
    }

    /**
     * The layer for a Keras class, or {@code null} for classes that are not layers of the description
     * (InputLayer, Rescaling, Sequential: the caller handles them).
     *
     * @param input the shape the layer receives (BatchNormalization's axis is checked against it)
     */
    static LayerSpec translate(String kerasClass, KerasConfig c, Shape input) {
        LayerSpec layer = switch (kerasClass) {
            case "Flatten" -> {
                c.expect("data_format", "channels_last");
                yield new LayerSpec.Flatten();
            }
            case "Dense" -> {
                dense(c);
                yield new LayerSpec.Dense(c.integer("units"), activation(c), c.bool("use_bias", true));
            }
            case "Conv2D", "Convolution2D" -> conv(c);
            case "MaxPooling2D", "MaxPool2D" -> {
                Size2D pool = pair(c, "pool_size", new int[] {2, 2});
                yield new LayerSpec.MaxPooling2D(pool, pair(c, "strides", new int[] {pool.height(), pool.width()}),
                        padding(c));
            }
            case "AveragePooling2D", "AvgPool2D" -> {
                Size2D pool = pair(c, "pool_size", new int[] {2, 2});
                yield new LayerSpec.AveragePooling2D(pool,
                        pair(c, "strides", new int[] {pool.height(), pool.width()}), padding(c));
            }
            case "GlobalAveragePooling2D", "GlobalAvgPool2D" -> {
                c.expect("data_format", "channels_last");
                c.expect("keepdims", false);
                yield new LayerSpec.GlobalAveragePooling2D();
            }
            case "Reshape" -> new LayerSpec.Reshape(targetShape(c, input));
            case "Dropout" -> {
                c.expect("noise_shape");
                yield new LayerSpec.Dropout(c.number("rate", Double.NaN));
            }
            case "BatchNormalization" -> batchNormalization(c, input);
            case "Activation" -> new LayerSpec.ActivationLayer(activation(c));
            case "ReLU" -> {
                c.expect("max_value");
                c.expect("negative_slope", 0L);
                c.expect("threshold", 0L);
                yield new LayerSpec.ReLU();
            }
            case "Softmax" -> {
                c.expect("axis", -1L, List.of(-1L));
                yield new LayerSpec.Softmax();
            }
            default -> throw c.fail("Keras layer class '" + kerasClass + "' is not supported; fmnist reads " + KNOWN);
        };
        c.rejectUnread();
        return layer;
    }

    private static void dense(KerasConfig c) {
        c.ignore(WEIGHT_OPTIONS);
        for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                "kernel_constraint", "bias_constraint", "lora_rank")) {
            c.expect(k);
        }
        c.expect("lora_alpha");
        c.expect("quantization_config");
    }

    private static LayerSpec conv(KerasConfig c) {
        dense(c);
        c.expect("data_format", "channels_last");
        c.expect("dilation_rate", 1L, List.of(1L, 1L));
        c.expect("groups", 1L);
        return new LayerSpec.Conv2D(c.integer("filters"), pair(c, "kernel_size", null),
                pair(c, "strides", new int[] {1, 1}), padding(c), activation(c), c.bool("use_bias", true));
    }

    private static LayerSpec batchNormalization(KerasConfig c, Shape input) {
        Object axis = c.raw("axis");
        long last = input.rank();
        boolean lastAxis = axis == null || axis.equals(-1L) || axis.equals(last) || axis.equals(List.of(-1L))
                || axis.equals(List.of(last));
        if (!lastAxis) {
            throw c.fail("BatchNormalization axis " + axis + " is not supported (only the last axis, -1)");
        }
        c.ignore("beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
                "fused");
        for (String k : List.of("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint",
                "virtual_batch_size", "adjustment")) {
            c.expect(k);
        }
        c.expect("renorm", false);
        c.expect("synchronized", false);
        c.ignore("renorm_clipping", "renorm_momentum");
        return new LayerSpec.BatchNormalization(-1, c.number("momentum", 0.99), c.number("epsilon", 1e-3),
                c.bool("center", true), c.bool("scale", true));
    }

    private static Activation activation(KerasConfig c) {
        String name = c.string("activation", "linear");
        try {
            return Activation.of(name);
        } catch (InvalidInputException e) {
            throw c.fail(e.getMessage());
        }
    }

    private static Padding padding(KerasConfig c) {
        c.expect("data_format", "channels_last");
        try {
            return Padding.of(c.string("padding", "valid"));
        } catch (InvalidInputException e) {
            throw c.fail(e.getMessage());
        }
    }

    private static Size2D pair(KerasConfig c, String key, int[] fallback) {
        int[] v = c.ints(key, 2, fallback);
        try {
            return new Size2D(v[0], v[1]);
        } catch (InvalidInputException e) {
            throw c.fail(key + ": " + e.getMessage());
        }
    }

    private static Shape targetShape(KerasConfig c, Shape input) {
        if (!(c.raw("target_shape") instanceof List<?> list) || list.isEmpty()) {
            throw c.fail("Reshape needs a target_shape list");
        }
        int[] dims = new int[list.size()];
        int unknown = -1;
        int known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (!(list.get(i) instanceof Long d) || d == 0 || d < -1) {
                throw c.fail("target_shape " + list + " must hold positive integers (and at most one -1)");
            }
            dims[i] = Math.toIntExact(d);
            if (d == -1) {
                if (unknown >= 0) {
                    throw c.fail("target_shape " + list + " has more than one -1");
                }
                unknown = i;
            } else {
                known *= dims[i];
            }
        }
        if (unknown >= 0) {
            dims[unknown] = input.size() % known == 0 ? input.size() / known : -1;
            if (dims[unknown] <= 0) {
                throw c.fail("cannot reshape " + input + " to " + list);
            }
        }
        return Shape.of(dims);
    }
}
