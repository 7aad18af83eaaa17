package dev.fmnist.backend.tf.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The PyTorch peer's CNN written directly with TensorFlow Java, nothing of fmnist: conv 3x3 same 32 relu,
 * max-pool 2, conv 3x3 same 64 relu, max-pool 2, flatten, dense 128 relu, dense 10 (421,642 parameters),
 * softmax cross-entropy with logits on one-hot labels, the framework's Adam (Keras's settings), symmetric
 * Glorot-uniform kernels drawn here. Threads: TensorFlow's defaults unless given.
 */
final class PlainTfCnn implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> y;
    private final Operand<TFloat32> loss;
    private final Operand<TInt32> correct;
    private final Operand<TFloat32> probabilities;
    private final Op train;

    /** @param intraOp TensorFlow's intra-op threads (0: its default), inter-op likewise */
    PlainTfCnn(long seed, int intraOp, int interOp) {
        Ops tf = Ops.create(graph);
        SplittableRandom random = new SplittableRandom(seed);
        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
        y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 10)));
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
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(hidden, w4), b4);
        probabilities = tf.nn.softmax(logits);
        loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));
        correct = tf.sum(tf.dtypes.cast(tf.math.equal(tf.math.argMax(logits, tf.constant(1)),
                tf.math.argMax(y, tf.constant(1))), TInt32.class), tf.constant(0));
        train = new Adam(graph, 1e-3f, 0.9f, 0.999f, 1e-7f).minimize(loss);
        session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(intraOp)
                .setInterOpParallelismThreads(interOp).build());
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

    /**
     * One epoch over {@code images} ({@code n x 784} scaled floats) in a seeded shuffled order.
     *
     * @return the number of correct predictions seen during training
     */
    long epoch(float[] images, int[] labels, int batchSize, long seed) {
        int n = labels.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] xb = new float[batchSize * 784];
        float[] yb = new float[batchSize * 10];
        long totalCorrect = 0;
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            Arrays.fill(yb, 0f);
            for (int i = 0; i < count; i++) {
                System.arraycopy(images, order[from + i] * 784, xb, i * 784, 784);
                yb[i * 10 + labels[order[from + i]]] = 1f;
            }
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(count, 28, 28, 1), DataBuffers.of(xb, true, false)
                    .narrow((long) count * 784));
                    TFloat32 yt = TFloat32.tensorOf(Shape.of(count, 10), DataBuffers.of(yb, true, false)
                            .narrow(count * 10L));
                    Result r = session.runner().feed(x, xt).feed(y, yt).fetch(loss).fetch(correct).addTarget(train)
                            .run()) {
                totalCorrect += ((TInt32) r.get(1)).getInt();
            }
        }
        return totalCorrect;
    }

    /** Probabilities for {@code count} images, in runs of {@code batch}. */
    void predict(float[] images, int count, int batch, float[] out) {
        for (int from = 0; from < count; from += batch) {
            int m = Math.min(batch, count - from);
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(m, 28, 28, 1))) {
                xt.asRawTensor().data().asFloats().write(images, from * 784, m * 784);
                try (Result r = session.runner().feed(x, xt).fetch(probabilities).run()) {
                    r.get(0).asRawTensor().data().asFloats().read(out, from * 10, m * 10);
                }
            }
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
