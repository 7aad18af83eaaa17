package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One layer of a sequential model description. Layers are values; a backend turns them into its own
 * objects and rejects, with {@link dev.fmnist.api.error.UnsupportedModelException}, those it cannot run.
 */
public sealed interface LayerSpec {

    /** The layer's type name in JSON, as Keras names it ({@code "dense"}, {@code "flatten"}, ...). */
    String type();

    /** The layer as a JSON object. */
    Map<String, Object> toJson();

    /** Flattens the image to a vector of 784 values. Has no parameters. */
    record Flatten() implements LayerSpec {
        @Override
        public String type() {
            return "flatten";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type());
            return m;
        }
    }

    /**
     * A fully connected layer. Parameters: a kernel {@code [inputs][units]} and a bias {@code [units]}.
     *
     * @param units output width
     * @param activation applied to the output
     */
    record Dense(int units, Activation activation) implements LayerSpec {
        public Dense {
            if (units <= 0) {
                throw new InvalidInputException("dense units must be positive, got " + units);
            }
            if (activation == null) {
                throw new InvalidInputException("dense layer needs an activation");
            }
        }

        @Override
        public String type() {
            return "dense";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type());
            m.put("units", units);
            m.put("activation", activation.keyword());
            return m;
        }
    }

    /** A 2-D convolution ("same" padding, stride 1); reserved for later backends. */
    record Conv2D(int filters, int kernelSize, Activation activation) implements LayerSpec {
        public Conv2D {
            if (filters <= 0 || kernelSize <= 0) {
                throw new InvalidInputException("conv2d filters and kernel size must be positive");
            }
        }

        @Override
        public String type() {
            return "conv2d";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type());
            m.put("filters", filters);
            m.put("kernel_size", kernelSize);
            m.put("activation", activation.keyword());
            return m;
        }
    }

    /** Max pooling with a square window and equal stride; reserved for later backends. */
    record MaxPool2D(int poolSize) implements LayerSpec {
        public MaxPool2D {
            if (poolSize <= 0) {
                throw new InvalidInputException("pool size must be positive, got " + poolSize);
            }
        }

        @Override
        public String type() {
            return "maxpool2d";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type());
            m.put("pool_size", poolSize);
            return m;
        }
    }

    /** Dropout during training only; reserved for later backends. */
    record Dropout(double rate) implements LayerSpec {
        public Dropout {
            if (!(rate >= 0 && rate < 1)) {
                throw new InvalidInputException("dropout rate must be in [0, 1), got " + rate);
            }
        }

        @Override
        public String type() {
            return "dropout";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type());
            m.put("rate", rate);
            return m;
        }
    }

    /** Reads a layer from its JSON object. */
    static LayerSpec fromJson(Map<String, Object> m) {
        String type = JsonFields.string(m, "type");
        return switch (type) {
            case "flatten" -> new Flatten();
            case "dense" -> new Dense(JsonFields.smallInt(m, "units"),
                    Activation.of(JsonFields.string(m, "activation")));
            case "conv2d" -> new Conv2D(JsonFields.smallInt(m, "filters"), JsonFields.smallInt(m, "kernel_size"),
                    Activation.of(JsonFields.string(m, "activation")));
            case "maxpool2d" -> new MaxPool2D(JsonFields.smallInt(m, "pool_size"));
            case "dropout" -> new Dropout(JsonFields.number(m, "rate"));
            default -> throw new InvalidInputException("unknown layer type '" + type + "'");
        };
    }
}
