package dev.fmnist.backend.tf.graph;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training ops over a {@link NetworkGraph}: a forward pass in training mode, integer labels, the batch's
 * summed cross-entropy and correct count (both computed from that pass before any update), and one op that
 * applies the optimizer to every trainable parameter and moves BatchNormalization's moving statistics.
 *
 * <p>TensorFlow Java 1.1.0 has no gradient for {@code SparseSoftmaxCrossEntropyWithLogits}, so the labels
 * are one-hot encoded in the graph and the dense {@code SoftmaxCrossEntropyWithLogits} is used; it
 * computes the same loss. The objective is the batch mean, as in Keras.
 */
public final class TrainingGraph {
    private final Placeholder<TInt32> labels;
    private final Operand<TFloat32> lossSum;
    private final Operand<TInt32> correct;
    private final Op train;
    private final Op resetOptimizer;
    private final UpdateRule rule;
    private final List<DropoutInput> masks;

    private TrainingGraph(Placeholder<TInt32> labels, Operand<TFloat32> lossSum, Operand<TInt32> correct, Op train,
            UpdateRule rule, List<DropoutInput> masks) {
        this.masks = List.copyOf(masks);
        this.labels = labels;
        this.lossSum = lossSum;
        this.correct = correct;
        this.train = train;
        this.resetOptimizer = rule.reset();
        this.rule = rule;
    }

    /** Adds loss, metrics, gradients and the update of {@code optimizer} to the graph of {@code net}. */
    public static TrainingGraph build(Ops tf, NetworkGraph net, OptimizerConfig optimizer) {
        Forward pass = net.trainingPass(tf.withSubScope("training"));
        Operand<TFloat32> logits = pass.logits();
        Ops loss = tf.withSubScope("loss");
        Placeholder<TInt32> labels = tf.withName("labels").placeholder(TInt32.class,
                Placeholder.shape(Shape.of(-1)));
        Operand<TFloat32> oneHot = loss.oneHot(labels, loss.constant(FashionClass.COUNT), loss.constant(1f),
                loss.constant(0f));
        Operand<TFloat32> perImage = loss.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
        Operand<TInt32> batchAxis = loss.constant(0);
        Operand<TFloat32> lossSum = loss.withName("sum").sum(perImage, batchAxis);
        Operand<TFloat32> objective = loss.withName("mean").math.mean(perImage, batchAxis);
        Operand<TInt32> predicted = loss.math.argMax(logits, loss.constant(1), TInt32.class);
        Operand<TInt32> correct = loss.withName("correct").sum(
                loss.dtypes.cast(loss.math.equal(predicted, labels), TInt32.class), batchAxis);

        List<Operand<TFloat32>> variables = new ArrayList<>();
        for (Parameter p : net.trainableParameters()) {
            variables.add(p.variable());
        }
        Gradients gradients = tf.withSubScope("gradients").gradients(objective, variables);
        List<Operand<TFloat32>> grads = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            grads.add(gradients.<TFloat32>dy(i));
        }
        UpdateRule rule = UpdateRule.build(tf.withSubScope("update"), net.trainableParameters(), grads, optimizer);
        // One op: the optimizer step and BatchNormalization's moving statistics move together.
        List<Op> step = new ArrayList<>(pass.updates());
        step.add(rule.apply());
        Op train = tf.withControlDependencies(step).withName("step").noOp();
        return new TrainingGraph(labels, lossSum, correct, train, rule, pass.masks());
    }

    /** Labels of the batch, {@code [batch]} integers in 0..9. */
    public Placeholder<TInt32> labels() {
        return labels;
    }

    /** Sum over the batch of each image's cross-entropy (a scalar), before the update. */
    public Operand<TFloat32> lossSum() {
        return lossSum;
    }

    /** Images whose largest logit is their label (a scalar), before the update. */
    public Operand<TInt32> correct() {
        return correct;
    }

    /** The dropout masks a step feeds, in layer order. */
    public List<DropoutInput> masks() {
        return masks;
    }

    /** Applies one optimizer step to every trainable parameter and moves the moving statistics. */
    public Op train() {
        return train;
    }

    /** The placeholder {@link #setLearningRate()} copies into the learning rate. */
    public Placeholder<TFloat32> learningRate() {
        return rule.rate();
    }

    /** Sets the learning rate from {@link #learningRate()}. */
    public Op setLearningRate() {
        return rule.setRate();
    }

    /** The optimizer's step counter. */
    public Operand<TFloat32> iterations() {
        return rule.step();
    }

    /** The placeholder {@link #setIterations()} copies into the step counter. */
    public Placeholder<TFloat32> iterationsValue() {
        return rule.stepValue();
    }

    /** Sets the step counter. */
    public Op setIterations() {
        return rule.setStep();
    }

    /** The optimizer's state tensors, parameter by parameter, in Keras's slot order. */
    public List<OptimizerSlot> slots() {
        return rule.slots();
    }

    /** Zeros the optimizer's state (moments, step count); run once after loading weights. */
    public Op resetOptimizer() {
        return resetOptimizer;
    }
}
