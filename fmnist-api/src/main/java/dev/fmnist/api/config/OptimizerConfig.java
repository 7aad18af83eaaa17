package dev.fmnist.api.config;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How parameters are updated from gradients: Keras's optimizers with Keras's names, defaults and update
 * formulas ({@code keras/src/optimizers}). Every optimizer takes Keras's decoupled {@code weight_decay}
 * (0 = none): before each update, {@code w = w - w * weight_decay * lr}, on every parameter. A backend runs
 * each one exactly so or refuses it by name with an {@link dev.fmnist.api.error.UnsupportedModelException}.
 */
public sealed interface OptimizerConfig {

    /** The optimizers' names in JSON and on the command line. */
    List<String> NAMES = List.of("adam", "adamw", "sgd", "rmsprop");

    /** Keras's name, such as {@code adam}. */
    String name();

    /** The step size. */
    double learningRate();

    /** Keras's decoupled weight decay per step and unit of learning rate; 0 = none. */
    double weightDecay();

    /** The same optimizer with another learning rate. */
    OptimizerConfig withLearningRate(double learningRate);

    /** The same optimizer with another weight decay. */
    OptimizerConfig withWeightDecay(double weightDecay);

    /** The optimizer as a JSON object. */
    Map<String, Object> toJson();

    /**
     * Adam (Kingma and Ba), as Keras computes it: {@code m += (g - m)(1-b1)}, {@code v += (g*g - v)(1-b2)},
     * with AMSGrad {@code vhat = max(vhat, v)} used in place of {@code v}, then
     * {@code w -= lr * sqrt(1-b2^t) / (1-b1^t) * m / (sqrt(v) + epsilon)} at step {@code t} (1-based).
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad,
            double weightDecay) implements OptimizerConfig {
        public Adam {
            checkRate(learningRate);
            checkAdam("Adam", beta1, beta2, epsilon);
            checkDecay(weightDecay);
        }

        /** Adam without AMSGrad or weight decay. */
        public Adam(double learningRate, double beta1, double beta2, double epsilon) {
            this(learningRate, beta1, beta2, epsilon, false, 0);
        }

        /** Keras's defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-7, no AMSGrad. */
        public static Adam keras() {
            return new Adam(1e-3, 0.9, 0.999, 1e-7);
        }

        @Override
        public String name() {
            return "adam";
        }

        @Override
        public Adam withLearningRate(double lr) {
            return new Adam(lr, beta1, beta2, epsilon, amsgrad, weightDecay);
        }

        @Override
        public Adam withWeightDecay(double wd) {
            return new Adam(learningRate, beta1, beta2, epsilon, amsgrad, wd);
        }

        /** The same with AMSGrad on or off. */
        public Adam withAmsgrad(boolean value) {
            return new Adam(learningRate, beta1, beta2, epsilon, value, weightDecay);
        }

        @Override
        public Map<String, Object> toJson() {
            return adamJson(name(), learningRate, beta1, beta2, epsilon, amsgrad, weightDecay);
        }
    }

    /**
     * AdamW (Loshchilov and Hutter): Keras's {@code AdamW}, which is {@link Adam} with a weight decay that
     * defaults to 0.004.
     */
    record AdamW(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad,
            double weightDecay) implements OptimizerConfig {
        public AdamW {
            checkRate(learningRate);
            checkAdam("AdamW", beta1, beta2, epsilon);
            checkDecay(weightDecay);
        }

        /** Keras's defaults: learning rate 1e-3, weight decay 0.004, beta1 0.9, beta2 0.999, epsilon 1e-7. */
        public static AdamW keras() {
            return new AdamW(1e-3, 0.9, 0.999, 1e-7, false, 0.004);
        }

        /** The Adam update this applies after its weight decay. */
        public Adam asAdam() {
            return new Adam(learningRate, beta1, beta2, epsilon, amsgrad, weightDecay);
        }

        @Override
        public String name() {
            return "adamw";
        }

        @Override
        public AdamW withLearningRate(double lr) {
            return new AdamW(lr, beta1, beta2, epsilon, amsgrad, weightDecay);
        }

        @Override
        public AdamW withWeightDecay(double wd) {
            return new AdamW(learningRate, beta1, beta2, epsilon, amsgrad, wd);
        }

        /** The same with AMSGrad on or off. */
        public AdamW withAmsgrad(boolean value) {
            return new AdamW(learningRate, beta1, beta2, epsilon, value, weightDecay);
        }

        @Override
        public Map<String, Object> toJson() {
            return adamJson(name(), learningRate, beta1, beta2, epsilon, amsgrad, weightDecay);
        }
    }

    /**
     * Stochastic gradient descent, as Keras: without momentum {@code w -= lr*g}; with momentum
     * {@code m = momentum*m - lr*g}, then {@code w += m}, or with Nesterov {@code w += momentum*m - lr*g}.
     */
    record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay)
            implements OptimizerConfig {
        public Sgd {
            checkRate(learningRate);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new InvalidInputException("SGD momentum must be in [0, 1), got " + momentum);
            }
            if (nesterov && momentum == 0) {
                throw new InvalidInputException("Nesterov SGD needs a momentum above 0");
            }
            checkDecay(weightDecay);
        }

        /** SGD with classical momentum (or none) and no weight decay. */
        public Sgd(double learningRate, double momentum) {
            this(learningRate, momentum, false, 0);
        }

        /** Keras's defaults: learning rate 0.01, no momentum. */
        public static Sgd keras() {
            return new Sgd(0.01, 0);
        }

        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public Sgd withLearningRate(double lr) {
            return new Sgd(lr, momentum, nesterov, weightDecay);
        }

        @Override
        public Sgd withWeightDecay(double wd) {
            return new Sgd(learningRate, momentum, nesterov, wd);
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", name());
            m.put("learning_rate", learningRate);
            m.put("momentum", momentum);
            m.put("nesterov", nesterov);
            m.put("weight_decay", weightDecay);
            return m;
        }
    }

    /**
     * RMSprop, as Keras: {@code v = rho*v + (1-rho)*g*g}; centered, also {@code a = rho*a + (1-rho)*g} and
     * the denominator {@code v - a*a + epsilon}, else {@code v + epsilon}; {@code inc = lr*g/sqrt(denominator)};
     * with momentum {@code mom = momentum*mom + inc}, {@code w -= mom}, else {@code w -= inc}.
     */
    record RmsProp(double learningRate, double rho, double momentum, double epsilon, boolean centered,
            double weightDecay) implements OptimizerConfig {
        public RmsProp {
            checkRate(learningRate);
            if (!(rho >= 0 && rho < 1) || !(momentum >= 0 && momentum < 1)) {
                throw new InvalidInputException("RMSprop rho and momentum must be in [0, 1), got " + rho + ", "
                        + momentum);
            }
            if (!(epsilon > 0)) {
                throw new InvalidInputException("RMSprop epsilon must be positive, got " + epsilon);
            }
            checkDecay(weightDecay);
        }

        /** Keras's defaults: learning rate 1e-3, rho 0.9, momentum 0, epsilon 1e-7, not centered. */
        public static RmsProp keras() {
            return new RmsProp(1e-3, 0.9, 0, 1e-7, false, 0);
        }

        @Override
        public String name() {
            return "rmsprop";
        }

        @Override
        public RmsProp withLearningRate(double lr) {
            return new RmsProp(lr, rho, momentum, epsilon, centered, weightDecay);
        }

        @Override
        public RmsProp withWeightDecay(double wd) {
            return new RmsProp(learningRate, rho, momentum, epsilon, centered, wd);
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", name());
            m.put("learning_rate", learningRate);
            m.put("rho", rho);
            m.put("momentum", momentum);
            m.put("epsilon", epsilon);
            m.put("centered", centered);
            m.put("weight_decay", weightDecay);
            return m;
        }
    }

    /** Keras's defaults for an optimizer name ({@link #NAMES}). @throws InvalidInputException if unknown */
    static OptimizerConfig keras(String name) {
        return switch (name) {
            case "adam" -> Adam.keras();
            case "adamw" -> AdamW.keras();
            case "sgd" -> Sgd.keras();
            case "rmsprop" -> RmsProp.keras();
            default -> throw new InvalidInputException("unknown optimizer '" + name + "'; known: " + NAMES);
        };
    }

    /** Reads an optimizer from JSON; fields added after version 1 default to Keras's values. */
    static OptimizerConfig fromJson(Map<String, Object> m) {
        String type = JsonFields.string(m, "type");
        double lr = JsonFields.number(m, "learning_rate");
        return switch (type) {
            case "adam" -> new Adam(lr, JsonFields.number(m, "beta1"), JsonFields.number(m, "beta2"),
                    JsonFields.number(m, "epsilon"), JsonFields.bool(m, "amsgrad", false),
                    JsonFields.number(m, "weight_decay", 0));
            case "adamw" -> new AdamW(lr, JsonFields.number(m, "beta1"), JsonFields.number(m, "beta2"),
                    JsonFields.number(m, "epsilon"), JsonFields.bool(m, "amsgrad", false),
                    JsonFields.number(m, "weight_decay"));
            case "sgd" -> new Sgd(lr, JsonFields.number(m, "momentum", 0), JsonFields.bool(m, "nesterov", false),
                    JsonFields.number(m, "weight_decay", 0));
            case "rmsprop" -> new RmsProp(lr, JsonFields.number(m, "rho"), JsonFields.number(m, "momentum", 0),
                    JsonFields.number(m, "epsilon"), JsonFields.bool(m, "centered", false),
                    JsonFields.number(m, "weight_decay", 0));
            default -> throw new InvalidInputException("unknown optimizer '" + type + "'; known: " + NAMES);
        };
    }

    private static Map<String, Object> adamJson(String name, double lr, double beta1, double beta2, double epsilon,
            boolean amsgrad, double weightDecay) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", name);
        m.put("learning_rate", lr);
        m.put("beta1", beta1);
        m.put("beta2", beta2);
        m.put("epsilon", epsilon);
        m.put("amsgrad", amsgrad);
        m.put("weight_decay", weightDecay);
        return m;
    }

    private static void checkAdam(String what, double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new InvalidInputException(what + " betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new InvalidInputException(what + " epsilon must be positive, got " + epsilon);
        }
    }

    private static void checkDecay(double wd) {
        if (!(wd >= 0) || Double.isInfinite(wd)) {
            throw new InvalidInputException("weight decay must be 0 or a positive number, got " + wd);
        }
    }

    private static void checkRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new InvalidInputException("learning rate must be a positive number, got " + lr);
        }
    }
}
