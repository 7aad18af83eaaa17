package dev.fmnist.backend.tf.graph;

import dev.fmnist.api.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer as graph ops, on TensorFlow's raw training kernels where they compute Keras's formula and
 * plain ops where none does. The learning rate and the step count are graph variables, so callbacks can
 * change the rate and a run can resume from saved state; every state tensor is an {@link OptimizerSlot}.
 *
 * <ul>
 * <li>Adam: {@code ApplyAdam} ({@code m = b1*m + (1-b1)*g}, {@code v = b2*v + (1-b2)*g*g},
 * {@code w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)}); AMSGrad the same with {@code vhat = max(vhat, v)}
 * in the denominator, as plain ops (TensorFlow has no AMSGrad kernel).</li>
 * <li>SGD: {@code ApplyGradientDescent}; with momentum Keras's {@code m = mu*m - lr*g}, then {@code w += m}
 * or (Nesterov) {@code w += mu*m - lr*g}, as plain ops: {@code ApplyMomentum} scales the accumulator by
 * the learning rate of each step, which differs from Keras once the rate changes.</li>
 * <li>RMSprop: {@code ApplyRMSProp} and {@code ApplyCenteredRMSProp}, which are Keras's formulas
 * (epsilon inside the square root, momentum on the increment).</li>
 * <li>Weight decay (any optimizer, AdamW): {@code w -= w*wd*lr} before the update, as Keras.</li>
 * </ul>
 *
 * @param apply one optimizer step over all parameters
 * @param reset zeros the optimizer's state and sets the configured learning rate
 * @param rate the placeholder that {@code setRate} copies into the learning rate
 * @param setRate sets the learning rate
 * @param step the step counter (float, as the Adam kernel takes it)
 * @param stepValue the placeholder that {@code setStep} copies into the counter
 * @param setStep sets the counter
 * @param slots the state tensors, parameter by parameter, in Keras's slot order
 */
record UpdateRule(Op apply, Op reset, Placeholder<TFloat32> rate, Op setRate, Variable<TFloat32> step,
        Placeholder<TFloat32> stepValue, Op setStep, List<OptimizerSlot> slots) {

    static UpdateRule build(Ops tf, List<Parameter> parameters, List<Operand<TFloat32>> grads,
            OptimizerConfig optimizer) {
        return new Builder(tf, parameters, grads, optimizer).build();
    }

    /** Builds the ops; one instance per graph. */
    private static final class Builder {
        private final Ops tf;
        private final List<Parameter> parameters;
        private final List<Operand<TFloat32>> grads;
        private final OptimizerConfig optimizer;
        private final List<Op> updates = new ArrayList<>();
        private final List<Op> resets = new ArrayList<>();
        private final List<OptimizerSlot> slots = new ArrayList<>();
        private final Variable<TFloat32> lr;
        private final Variable<TFloat32> step;
        private final Ops update;
        private final Operand<TFloat32> t;

        Builder(Ops tf, List<Parameter> parameters, List<Operand<TFloat32>> grads, OptimizerConfig optimizer) {
            this.tf = tf;
            this.parameters = parameters;
            this.grads = grads;
            this.optimizer = optimizer;
            lr = tf.withName("learning_rate").variable(Shape.scalar(), TFloat32.class);
            resets.add(tf.assign(lr, tf.constant((float) optimizer.learningRate())));
            step = tf.withName("iterations").variable(Shape.scalar(), TFloat32.class);
            resets.add(tf.assign(step, tf.constant(0f)));
            // Variables are reference-typed: without this barrier one layer's update could overwrite a kernel
            // another layer's backward pass has not read yet.
            Ops afterGrads = tf.withControlDependencies(new ArrayList<Op>(grads));
            Operand<TFloat32> counted = afterGrads.assignAdd(step, tf.constant(1f));
            update = afterGrads.withControlDependencies(List.of((Op) counted));
            t = counted;
        }

        UpdateRule build() {
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                Ops scope = update.withSubScope(p.name().replace('/', '_'));
                if (optimizer.weightDecay() > 0) {
                    Operand<TFloat32> wd = tf.constant((float) optimizer.weightDecay());
                    Op decayed = scope.assignSub(p.variable(), scope.math.mul(scope.math.mul(p.variable(), wd), lr));
                    scope = scope.withControlDependencies(List.of(decayed));
                }
                updates.add(rule(scope, p, grads.get(i)));
            }
            Placeholder<TFloat32> rate = tf.withName("learning_rate_value").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.scalar()));
            Placeholder<TFloat32> stepValue = tf.withName("iterations_value").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.scalar()));
            return new UpdateRule(tf.withControlDependencies(updates).withName("apply").noOp(),
                    tf.withControlDependencies(resets).withName("reset").noOp(), rate, tf.assign(lr, rate),
                    step, stepValue, tf.assign(step, stepValue), List.copyOf(slots));
        }

        private Op rule(Ops op, Parameter p, Operand<TFloat32> g) {
            if (optimizer instanceof OptimizerConfig.AdamW w) {
                return adam(op, p, g, w.asAdam());
            }
            if (optimizer instanceof OptimizerConfig.Adam a) {
                return adam(op, p, g, a);
            }
            if (optimizer instanceof OptimizerConfig.Sgd s) {
                return sgd(op, p, g, s);
            }
            return rmsprop(op, p, g, (OptimizerConfig.RmsProp) optimizer);
        }

        private Op adam(Ops op, Parameter p, Operand<TFloat32> g, OptimizerConfig.Adam a) {
            Variable<TFloat32> m = slot(p, "momentum", true);
            Variable<TFloat32> v = slot(p, "velocity", true);
            Operand<TFloat32> beta1 = tf.constant((float) a.beta1());
            Operand<TFloat32> beta2 = tf.constant((float) a.beta2());
            Operand<TFloat32> beta1Power = op.math.pow(beta1, t);
            Operand<TFloat32> beta2Power = op.math.pow(beta2, t);
            Operand<TFloat32> epsilon = tf.constant((float) a.epsilon());
            if (!a.amsgrad()) {
                return op.train.applyAdam(p.variable(), m, v, beta1Power, beta2Power, lr, beta1, beta2, epsilon, g);
            }
            Variable<TFloat32> vHat = slot(p, "velocity_hat", true);
            Operand<TFloat32> one = tf.constant(1f);
            Operand<TFloat32> mNew = op.assign(m, op.math.add(m, op.math.mul(op.math.sub(g, m),
                    tf.constant((float) (1 - a.beta1())))));
            Operand<TFloat32> vNew = op.assign(v, op.math.add(v, op.math.mul(op.math.sub(op.math.square(g), v),
                    tf.constant((float) (1 - a.beta2())))));
            Operand<TFloat32> hNew = op.assign(vHat, op.math.maximum(vHat, vNew));
            Operand<TFloat32> alpha = op.math.div(op.math.mul(lr, op.math.sqrt(op.math.sub(one, beta2Power))),
                    op.math.sub(one, beta1Power));
            return op.assignSub(p.variable(), op.math.div(op.math.mul(mNew, alpha),
                    op.math.add(op.math.sqrt(hNew), epsilon)));
        }

        private Op sgd(Ops op, Parameter p, Operand<TFloat32> g, OptimizerConfig.Sgd s) {
            if (s.momentum() == 0) {
                return op.train.applyGradientDescent(p.variable(), lr, g);
            }
            Variable<TFloat32> m = slot(p, "momentum", true);
            Operand<TFloat32> mu = tf.constant((float) s.momentum());
            Operand<TFloat32> step = op.math.mul(g, lr);
            Operand<TFloat32> mNew = op.assign(m, op.math.sub(op.math.mul(m, mu), step));
            return op.assignAdd(p.variable(), s.nesterov() ? op.math.sub(op.math.mul(mNew, mu), step) : mNew);
        }

        private Op rmsprop(Ops op, Parameter p, Operand<TFloat32> g, OptimizerConfig.RmsProp r) {
            Variable<TFloat32> ms = slot(p, "velocity", true);
            Variable<TFloat32> mom = slot(p, "momentum", r.momentum() > 0);
            Operand<TFloat32> rho = tf.constant((float) r.rho());
            Operand<TFloat32> momentum = tf.constant((float) r.momentum());
            Operand<TFloat32> epsilon = tf.constant((float) r.epsilon());
            if (r.centered()) {
                Variable<TFloat32> mg = slot(p, "average_gradient", true);
                return op.train.applyCenteredRmsProp(p.variable(), mg, ms, mom, lr, rho, momentum, epsilon, g);
            }
            return op.train.applyRmsProp(p.variable(), ms, mom, lr, rho, momentum, epsilon, g);
        }

        /** A zeroed state variable of {@code p}'s shape; exported under Keras's name when {@code keras}. */
        private Variable<TFloat32> slot(Parameter p, String name, boolean keras) {
            Ops scope = tf.withSubScope(p.name().replace('/', '_'));
            Variable<TFloat32> v = scope.withName(name).variable(Shape.of(p.dimensions()), TFloat32.class);
            resets.add(scope.assign(v, scope.zeros(scope.constant(p.dimensions()), TFloat32.class)));
            if (keras) {
                Placeholder<TFloat32> value = scope.withName(name + "_value").placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(p.dimensions())));
                Assign<TFloat32> assign = scope.assign(v, value);
                slots.add(new OptimizerSlot(p.name(), name, p.shape(), v, value, assign));
            }
            return v;
        }
    }
}
