package dev.fmnist.backend.tf.graph;

import dev.fmnist.api.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer as graph ops, built on TensorFlow's raw training kernels rather than the framework's
 * optimizers (whose Adam defaults epsilon to 1e-8 instead of Keras's 1e-7).
 *
 * <ul>
 * <li>Adam: {@code ApplyAdam} computes {@code m = b1*m + (1-b1)*g}, {@code v = b2*v + (1-b2)*g*g},
 * {@code w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)}, exactly the API's (and Keras's) formula, given
 * {@code b1^t} and {@code b2^t}; those come from a step counter in the graph, so a step feeds no extra
 * tensors.</li>
 * <li>SGD: {@code ApplyGradientDescent} ({@code w -= lr*g}); with momentum, {@code ApplyMomentum}
 * ({@code a = mu*a + g; w -= lr*a}), the same as Keras's {@code v = mu*v - lr*g; w += v} for a constant
 * learning rate.</li>
 * </ul>
 *
 * @param apply one optimizer step over all parameters
 * @param reset zeros the optimizer's state
 */
record UpdateRule(Op apply, Op reset) {

    static UpdateRule build(Ops tf, List<Parameter> parameters, List<Operand<TFloat32>> grads,
            OptimizerConfig optimizer) {
        if (optimizer instanceof OptimizerConfig.Adam adam) {
            return adam(tf, parameters, grads, adam);
        }
        if (optimizer instanceof OptimizerConfig.Sgd sgd) {
            return sgd(tf, parameters, grads, sgd);
        }
        throw new IllegalArgumentException("unknown optimizer " + optimizer);
    }

    private static UpdateRule adam(Ops tf, List<Parameter> parameters, List<Operand<TFloat32>> grads,
            OptimizerConfig.Adam adam) {
        List<Op> updates = new ArrayList<>();
        List<Op> resets = new ArrayList<>();
        Variable<TFloat32> step = tf.withName("step").variable(Shape.scalar(), TFloat32.class);
        resets.add(tf.assign(step, tf.constant(0f)));
        Ops update = afterAll(tf, grads);
        Operand<TFloat32> t = update.assignAdd(step, tf.constant(1f));
        Operand<TFloat32> beta1 = tf.constant((float) adam.beta1());
        Operand<TFloat32> beta2 = tf.constant((float) adam.beta2());
        Operand<TFloat32> beta1Power = tf.math.pow(beta1, t);
        Operand<TFloat32> beta2Power = tf.math.pow(beta2, t);
        Operand<TFloat32> rate = tf.constant((float) adam.learningRate());
        Operand<TFloat32> epsilon = tf.constant((float) adam.epsilon());
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Ops slots = tf.withSubScope(p.name().replace('/', '_'));
            Variable<TFloat32> m = slots.withName("m").variable(Shape.of(p.dimensions()), TFloat32.class);
            Variable<TFloat32> v = slots.withName("v").variable(Shape.of(p.dimensions()), TFloat32.class);
            resets.add(zero(slots, m, p));
            resets.add(zero(slots, v, p));
            updates.add(update.withSubScope(p.name().replace('/', '_')).train.applyAdam(p.variable(), m, v, beta1Power, beta2Power, rate, beta1, beta2,
                    epsilon, grads.get(i)));
        }
        return finish(tf, updates, resets);
    }

    private static UpdateRule sgd(Ops tf, List<Parameter> parameters, List<Operand<TFloat32>> grads,
            OptimizerConfig.Sgd sgd) {
        List<Op> updates = new ArrayList<>();
        List<Op> resets = new ArrayList<>();
        Operand<TFloat32> rate = tf.constant((float) sgd.learningRate());
        Operand<TFloat32> momentum = tf.constant((float) sgd.momentum());
        Ops update = afterAll(tf, grads);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Ops slots = tf.withSubScope(p.name().replace('/', '_'));
            if (sgd.momentum() == 0) {
                updates.add(update.train.applyGradientDescent(p.variable(), rate, grads.get(i)));
            } else {
                Variable<TFloat32> accumulator = slots.withName("momentum").variable(Shape.of(p.dimensions()),
                        TFloat32.class);
                resets.add(zero(slots, accumulator, p));
                updates.add(update.train.applyMomentum(p.variable(), accumulator, rate, grads.get(i), momentum));
            }
        }
        return finish(tf, updates, resets);
    }

    private static Op zero(Ops tf, Variable<TFloat32> variable, Parameter like) {
        return tf.assign(variable, tf.zeros(tf.constant(like.dimensions()), TFloat32.class));
    }

    /**
     * Ops that update variables only after every gradient is computed: variables are reference-typed, so
     * without this barrier one layer's update could overwrite a kernel another layer's backward pass has
     * not read yet.
     */
    private static Ops afterAll(Ops tf, List<Operand<TFloat32>> grads) {
        return tf.withControlDependencies(new ArrayList<Op>(grads));
    }

    private static UpdateRule finish(Ops tf, List<Op> updates, List<Op> resets) {
        return new UpdateRule(tf.withControlDependencies(updates).withName("apply").noOp(),
                tf.withControlDependencies(resets).withName("reset").noOp());
    }
}
