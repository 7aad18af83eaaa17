package dev.fmnist.backend.tf.bench;

import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The baseline: the tutorial's network (784 -> 128 relu -> 10 softmax, Adam, batch 32) written directly with
 * TensorFlow Java as a user would write it, with the framework's Adam and one-hot float labels, and
 * nothing of fmnist ({@link PlainTfTrainer}). Its kernels start from its own symmetric Glorot draw.
 */
final class PlainTfNetwork {
    private PlainTfNetwork() {
    }

    /** The network, ready to train; TensorFlow's thread pools as given (0: its default). */
    static PlainTfTrainer open(long seed, int intraOp, int interOp) {
        return new PlainTfTrainer(PlainTfNetwork::logits, seed, intraOp, interOp, 784);
    }

    private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> x, SplittableRandom random) {
        Variable<TFloat32> w1 = tf.variable(tf.constant(glorot(784, 128, random)));
        Variable<TFloat32> b1 = tf.variable(tf.constant(new float[128]));
        Variable<TFloat32> w2 = tf.variable(tf.constant(glorot(128, 10, random)));
        Variable<TFloat32> b2 = tf.variable(tf.constant(new float[10]));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w1), b1));
        return tf.math.add(tf.linalg.matMul(hidden, w2), b2);
    }

    private static float[][] glorot(int in, int out, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (in + out));
        float[][] w = new float[in][out];
        for (float[] row : w) {
            for (int c = 0; c < out; c++) {
                row[c] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
        }
        return w;
    }
}
