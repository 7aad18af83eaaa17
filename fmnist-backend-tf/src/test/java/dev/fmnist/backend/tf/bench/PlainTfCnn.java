package dev.fmnist.backend.tf.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The PyTorch peer's CNN written directly with TensorFlow Java, nothing of fmnist: conv 3x3 same 32 relu,
 * max-pool 2, conv 3x3 same 64 relu, max-pool 2, flatten, dense 128 relu, dense 10 (421,642 parameters),
 * trained by {@link PlainTfTrainer}, with symmetric Glorot-uniform kernels drawn here.
 */
final class PlainTfCnn {
    private PlainTfCnn() {
    }

    /** The network, ready to train; TensorFlow's thread pools as given (0: its default). */
    static PlainTfTrainer open(long seed, int intraOp, int interOp) {
        return new PlainTfTrainer(PlainTfCnn::logits, seed, intraOp, interOp, 28, 28, 1);
    }

    private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> x, SplittableRandom random) {
        Variable<TFloat32> k1 = weight(tf, random, 3, 3, 1, 32);
        Variable<TFloat32> b1 = zeros(tf, 32);
        Variable<TFloat32> k2 = weight(tf, random, 3, 3, 32, 64);
        Variable<TFloat32> b2 = zeros(tf, 64);
        Variable<TFloat32> w3 = weight(tf, random, 7 * 7 * 64, 128);
        Variable<TFloat32> b3 = zeros(tf, 128);
        Variable<TFloat32> w4 = weight(tf, random, 128, 10);
        Variable<TFloat32> b4 = zeros(tf, 10);
        List<Long> ones = Arrays.asList(1L, 1L, 1L, 1L);
        Operand<TInt32> window = tf.constant(new int[] {1, 2, 2, 1});
        Operand<TFloat32> c1 = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, k1, ones, "SAME"), b1));
        Operand<TFloat32> p1 = tf.nn.maxPool(c1, window, window, "VALID");
        Operand<TFloat32> c2 = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(p1, k2, ones, "SAME"), b2));
        Operand<TFloat32> p2 = tf.nn.maxPool(c2, window, window, "VALID");
        Operand<TFloat32> flat = tf.reshape(p2, tf.constant(new int[] {-1, 7 * 7 * 64}));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(flat, w3), b3));
        return tf.math.add(tf.linalg.matMul(hidden, w4), b4);
    }

    /** Glorot uniform: fan-in is the product of all but the last dimension, fan-out the receptive field times it. */
    private static Variable<TFloat32> weight(Ops tf, SplittableRandom random, long... shape) {
        long fanIn = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            fanIn *= shape[i];
        }
        long receptive = fanIn / shape[shape.length - 2];
        double limit = Math.sqrt(6.0 / (fanIn + receptive * shape[shape.length - 1]));
        float[] w = new float[(int) (fanIn * shape[shape.length - 1])];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return tf.variable(tf.constant(Shape.of(shape), DataBuffers.of(w, true, false)));
    }

    private static Variable<TFloat32> zeros(Ops tf, int n) {
        return tf.variable(tf.constant(new float[n]));
    }
}
