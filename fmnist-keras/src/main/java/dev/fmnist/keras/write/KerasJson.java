package dev.fmnist.keras.write;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.keras.config.KerasLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents Keras writes about a Sequential model, in Keras 2's and Keras 3's dialects. */
final class KerasJson {
    private KerasJson() {
    }

    /** Keras 2's {@code model_config}: an InputLayer with {@code batch_input_shape}, then the layers. */
    static Map<String, Object> keras2ModelConfig(KerasLayer model, List<Integer> inputShape) {
        List<Object> layers = new ArrayList<>();
        Map<String, Object> inputConfig = new LinkedHashMap<>();
        inputConfig.put("batch_input_shape", batchShape(inputShape));
        inputConfig.put("dtype", "float32");
        inputConfig.put("sparse", false);
        inputConfig.put("ragged", false);
        inputConfig.put("name", model.layers().isEmpty() ? "input_1" : model.layers().get(0).name() + "_input");
        layers.add(entry("InputLayer", inputConfig));
        for (KerasLayer l : model.layers()) {
            layers.add(entry(l.className(), l.config()));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        config.put("layers", layers);
        return entry("Sequential", config);
    }

    /** Keras 2's {@code training_config} for sparse categorical cross-entropy, accuracy and the model's optimizer. */
    static Map<String, Object> keras2TrainingConfig(TrainingConfig training) {
        Map<String, Object> loss = new LinkedHashMap<>();
        loss.put("class_name", "SparseCategoricalCrossentropy");
        loss.put("config", Map.of("reduction", "auto", "name", "sparse_categorical_crossentropy",
                "from_logits", false));
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("class_name", "MeanMetricWrapper");
        metric.put("config", Map.of("name", "accuracy", "dtype", "float32", "fn", "sparse_categorical_accuracy"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("metrics", List.of(List.of(metric)));
        m.put("weighted_metrics", null);
        m.put("loss_weights", null);
        m.put("optimizer_config", optimizer(training.optimizer()));
        return m;
    }

    private static Map<String, Object> optimizer(OptimizerConfig optimizer) {
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Object> m = new LinkedHashMap<>();
        if (optimizer instanceof OptimizerConfig.Adam a) {
            c.put("name", "Adam");
            c.put("learning_rate", a.learningRate());
            c.put("decay", 0.0);
            c.put("beta_1", a.beta1());
            c.put("beta_2", a.beta2());
            c.put("epsilon", a.epsilon());
            c.put("amsgrad", false);
            m.put("class_name", "Adam");
        } else {
            OptimizerConfig.Sgd s = (OptimizerConfig.Sgd) optimizer;
            c.put("name", "SGD");
            c.put("learning_rate", s.learningRate());
            c.put("decay", 0.0);
            c.put("momentum", s.momentum());
            c.put("nesterov", false);
            m.put("class_name", "SGD");
        }
        m.put("config", c);
        return m;
    }

    /** Keras 3's {@code config.json}: modules, registered names, DTypePolicy and each layer's build shape. */
    static Map<String, Object> keras3Config(KerasLayer model, List<Integer> inputShape, List<List<Integer>> builds) {
        List<Object> layers = new ArrayList<>();
        Map<String, Object> inputConfig = new LinkedHashMap<>();
        inputConfig.put("batch_shape", batchShape(inputShape));
        inputConfig.put("dtype", "float32");
        inputConfig.put("sparse", false);
        inputConfig.put("name", "input_layer");
        layers.add(keras3Entry("InputLayer", inputConfig, null));
        for (int i = 0; i < model.layers().size(); i++) {
            KerasLayer l = model.layers().get(i);
            Map<String, Object> config = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : l.config().entrySet()) {
                config.put(e.getKey(), keras3Value(e.getKey(), e.getValue()));
            }
            layers.add(keras3Entry(l.className(), config, "Dropout".equals(l.className()) ? null
                    : batchShape(builds.get(i))));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        config.put("trainable", true);
        config.put("dtype", dtypePolicy());
        config.put("layers", layers);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras");
        m.put("class_name", "Sequential");
        m.put("config", config);
        m.put("registered_name", null);
        m.put("build_config", Map.of("input_shape", batchShape(inputShape)));
        return m;
    }

    private static Object keras3Value(String key, Object value) {
        if ("dtype".equals(key)) {
            return dtypePolicy();
        }
        if (key.endsWith("_initializer") && value instanceof Map<?, ?> init) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("module", "keras.initializers");
            m.put("class_name", init.get("class_name"));
            m.put("config", init.get("config"));
            m.put("registered_name", null);
            return m;
        }
        return value;
    }

    private static Map<String, Object> dtypePolicy() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras");
        m.put("class_name", "DTypePolicy");
        m.put("config", Map.of("name", "float32"));
        m.put("registered_name", null);
        return m;
    }

    private static Map<String, Object> keras3Entry(String className, Map<String, Object> config, List<Object> build) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras.layers");
        m.put("class_name", className);
        m.put("config", config);
        m.put("registered_name", null);
        if (build != null) {
            m.put("build_config", Map.of("input_shape", build));
        }
        return m;
    }

    private static Map<String, Object> entry(String className, Map<String, Object> config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", className);
        m.put("config", config);
        return m;
    }

    /** A shape with Keras's leading {@code null} batch dimension. */
    static List<Object> batchShape(List<Integer> shape) {
        List<Object> out = new ArrayList<>();
        out.add(null);
        out.addAll(shape);
        return out;
    }
}
