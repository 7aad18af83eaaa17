package dev.fmnist.api.config;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** How parameters are updated from gradients. */
public sealed interface OptimizerConfig {

    /** The step size. */
    double learningRate();

    /** The same optimizer with another learning rate. */
    OptimizerConfig withLearningRate(double learningRate);

    /** The optimizer as a JSON object. */
    Map<String, Object> toJson();

    /**
     * Adam (Kingma and Ba), as Keras computes it: {@code m = b1*m + (1-b1)*g}, {@code v = b2*v + (1-b2)*g*g},
     * {@code w -= lr * sqrt(1-b2^t) / (1-b1^t) * m / (sqrt(v) + epsilon)} at step {@code t} (1-based).
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerConfig {
        public Adam {
            checkRate(learningRate);
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new InvalidInputException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(epsilon > 0)) {
                throw new InvalidInputException("Adam epsilon must be positive, got " + epsilon);
            }
        }

        /** Keras's defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-7. */
        public static Adam keras() {
            return new Adam(1e-3, 0.9, 0.999, 1e-7);
        }

        @Override
        public Adam withLearningRate(double lr) {
            return new Adam(lr, beta1, beta2, epsilon);
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "adam");
            m.put("learning_rate", learningRate);
            m.put("beta1", beta1);
            m.put("beta2", beta2);
            m.put("epsilon", epsilon);
            return m;
        }
    }

    /** Stochastic gradient descent with optional (classical) momentum. */
    record Sgd(double learningRate, double momentum) implements OptimizerConfig {
        public Sgd {
            checkRate(learningRate);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new InvalidInputException("SGD momentum must be in [0, 1), got " + momentum);
            }
        }

        @Override
        public Sgd withLearningRate(double lr) {
            return new Sgd(lr, momentum);
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "sgd");
            m.put("learning_rate", learningRate);
            m.put("momentum", momentum);
            return m;
        }
    }

    /** Reads an optimizer from JSON. */
    static OptimizerConfig fromJson(Map<String, Object> m) {
        String type = JsonFields.string(m, "type");
        return switch (type) {
            case "adam" -> new Adam(JsonFields.number(m, "learning_rate"), JsonFields.number(m, "beta1"),
                    JsonFields.number(m, "beta2"), JsonFields.number(m, "epsilon"));
            case "sgd" -> new Sgd(JsonFields.number(m, "learning_rate"), JsonFields.number(m, "momentum", 0));
            default -> throw new InvalidInputException("unknown optimizer '" + type + "'; known: [adam, sgd]");
        };
    }

    private static void checkRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new InvalidInputException("learning rate must be a positive number, got " + lr);
        }
    }
}
