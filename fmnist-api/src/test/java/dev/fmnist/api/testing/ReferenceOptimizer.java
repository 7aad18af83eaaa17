package dev.fmnist.api.testing;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.training.OptimizerState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's optimizers written out plainly, one float operation at a time, following
 * {@code keras/src/optimizers/*.py} (weight decay from {@code base_optimizer._apply_weight_decay}, applied
 * before the update): the reference that every backend's optimizers are tested against, bit for bit for
 * the pure backend and within float rounding for the others. Adam's step size
 * {@code lr * sqrt(1-b2^t) / (1-b1^t)} is computed in double and rounded once, and its moment updates are
 * fused multiply-adds {@code m + (g - m)(1 - b1)}, as TensorFlow's fused kernel computes them.
 */
public final class ReferenceOptimizer {
    private final OptimizerConfig config;
    private final List<String> names;
    private final List<int[]> shapes;
    private final Map<String, float[][]> slots = new LinkedHashMap<>();
    private double learningRate;
    private long iterations;

    /**
     * @param config the optimizer
     * @param parameters the parameters' names and shapes, in order
     */
    public ReferenceOptimizer(OptimizerConfig config, Map<String, int[]> parameters) {
        this.config = config;
        this.names = new ArrayList<>(parameters.keySet());
        this.shapes = new ArrayList<>(parameters.values());
        this.learningRate = config.learningRate();
        for (String slot : slotNames(config)) {
            float[][] arrays = new float[names.size()][];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = new float[(int) Tensor.elementCount(shapes.get(i))];
            }
            slots.put(slot, arrays);
        }
    }

    /** Keras's slot names for an optimizer, in the order the portable state lists them. */
    public static List<String> slotNames(OptimizerConfig config) {
        if (config instanceof OptimizerConfig.Adam a) {
            return a.amsgrad() ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
        }
        if (config instanceof OptimizerConfig.AdamW a) {
            return a.amsgrad() ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
        }
        if (config instanceof OptimizerConfig.Sgd s) {
            return s.momentum() == 0 ? List.of() : List.of("momentum");
        }
        OptimizerConfig.RmsProp r = (OptimizerConfig.RmsProp) config;
        List<String> out = new ArrayList<>(List.of("velocity"));
        if (r.momentum() > 0) {
            out.add("momentum");
        }
        if (r.centered()) {
            out.add("average_gradient");
        }
        return out;
    }

    /** Sets the learning rate from the next step on. */
    public void setLearningRate(double value) {
        learningRate = value;
    }

    /** One step: updates each {@code weights.get(i)} in place from {@code grads.get(i)}. */
    public void step(List<float[]> weights, List<float[]> grads) {
        iterations++;
        float lr = (float) learningRate;
        float wd = (float) config.weightDecay();
        for (int p = 0; p < weights.size(); p++) {
            float[] w = weights.get(p);
            float[] g = grads.get(p);
            if (wd != 0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = w[i] - w[i] * wd * lr;
                }
            }
            if (config instanceof OptimizerConfig.Adam a) {
                adam(p, w, g, a.beta1(), a.beta2(), a.epsilon(), a.amsgrad());
            } else if (config instanceof OptimizerConfig.AdamW a) {
                adam(p, w, g, a.beta1(), a.beta2(), a.epsilon(), a.amsgrad());
            } else if (config instanceof OptimizerConfig.Sgd s) {
                sgd(p, w, g, lr, (float) s.momentum(), s.nesterov());
            } else {
                rmsprop(p, w, g, lr, (OptimizerConfig.RmsProp) config);
            }
        }
    }

    private void adam(int p, float[] w, float[] g, double beta1, double beta2, double epsilon, boolean amsgrad) {
        float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, iterations))
                / (1 - Math.pow(beta1, iterations)));
        float b1 = (float) (1 - beta1);
        float b2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        float[] m = slots.get("momentum")[p];
        float[] v = slots.get("velocity")[p];
        float[] vHat = amsgrad ? slots.get("velocity_hat")[p] : null;
        for (int i = 0; i < w.length; i++) {
            m[i] = Math.fma(g[i] - m[i], b1, m[i]);
            v[i] = Math.fma(g[i] * g[i] - v[i], b2, v[i]);
            float denominatorV = v[i];
            if (vHat != null) {
                vHat[i] = Math.max(vHat[i], v[i]);
                denominatorV = vHat[i];
            }
            w[i] -= (m[i] * alpha) / ((float) Math.sqrt(denominatorV) + eps);
        }
    }

    private void sgd(int p, float[] w, float[] g, float lr, float momentum, boolean nesterov) {
        if (momentum == 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] = w[i] - g[i] * lr;
            }
            return;
        }
        float[] m = slots.get("momentum")[p];
        for (int i = 0; i < w.length; i++) {
            m[i] = m[i] * momentum - g[i] * lr;
            w[i] = nesterov ? w[i] + (m[i] * momentum - g[i] * lr) : w[i] + m[i];
        }
    }

    private void rmsprop(int p, float[] w, float[] g, float lr, OptimizerConfig.RmsProp r) {
        float rho = (float) r.rho();
        float oneMinusRho = (float) (1 - r.rho());
        float eps = (float) r.epsilon();
        float mu = (float) r.momentum();
        float[] v = slots.get("velocity")[p];
        float[] mom = r.momentum() > 0 ? slots.get("momentum")[p] : null;
        float[] avg = r.centered() ? slots.get("average_gradient")[p] : null;
        for (int i = 0; i < w.length; i++) {
            v[i] = rho * v[i] + oneMinusRho * (g[i] * g[i]);
            float denominator;
            if (avg != null) {
                avg[i] = rho * avg[i] + oneMinusRho * g[i];
                denominator = v[i] - avg[i] * avg[i] + eps;
            } else {
                denominator = v[i] + eps;
            }
            float increment = lr * g[i] / (float) Math.sqrt(denominator);
            if (mom != null) {
                mom[i] = mu * mom[i] + increment;
                w[i] = w[i] - mom[i];
            } else {
                w[i] = w[i] - increment;
            }
        }
    }

    /** The state in the portable layout. */
    public OptimizerState state() {
        List<Tensor> out = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            for (Map.Entry<String, float[][]> e : slots.entrySet()) {
                out.add(new Tensor(names.get(p) + "/" + e.getKey(), shapes.get(p), e.getValue()[p].clone()));
            }
        }
        return new OptimizerState(config.name(), iterations, learningRate, out);
    }

    /** Continues from a portable state. */
    public void restore(OptimizerState state) {
        for (int p = 0; p < names.size(); p++) {
            for (Map.Entry<String, float[][]> e : slots.entrySet()) {
                float[] saved = state.slot(names.get(p), e.getKey()).data();
                System.arraycopy(saved, 0, e.getValue()[p], 0, saved.length);
            }
        }
        iterations = state.iterations();
        learningRate = state.learningRate();
    }
}
