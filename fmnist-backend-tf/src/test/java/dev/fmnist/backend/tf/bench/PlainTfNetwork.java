package dev.fmnist.backend.tf.bench;

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
 * The baseline: the tutorial's network (784 -> 128 relu -> 10 softmax, Adam, batch 32) written directly with
 * TensorFlow Java as a user would write it, with the framework's Adam and one-hot float labels, and
 * nothing of fmnist. Its kernels start from its own symmetric Glorot draw.
 */
final class PlainTfNetwork implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> y;
    private final Operand<TFloat32> loss;
    private final Operand<TInt32> correct;
    private final Operand<TFloat32> probabilities;
    private final Op train;

    PlainTfNetwork(long seed, int intraOp, int interOp) {
        Ops tf = Ops.create(graph);
        SplittableRandom random = new SplittableRandom(seed);
        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 784)));
        y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 10)));
        Variable<TFloat32> w1 = tf.variable(tf.constant(glorot(784, 128, random)));
        Variable<TFloat32> b1 = tf.variable(tf.constant(new float[128]));
        Variable<TFloat32> w2 = tf.variable(tf.constant(glorot(128, 10, random)));
        Variable<TFloat32> b2 = tf.variable(tf.constant(new float[10]));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w1), b1));
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(hidden, w2), b2);
        probabilities = tf.nn.softmax(logits);
        loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));
        correct = tf.sum(tf.dtypes.cast(tf.math.equal(tf.math.argMax(logits, tf.constant(1)),
                tf.math.argMax(y, tf.constant(1))), TInt32.class), tf.constant(0));
        train = new Adam(graph, 1e-3f, 0.9f, 0.999f, 1e-7f).minimize(loss);
        session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(intraOp)
                .setInterOpParallelismThreads(interOp).build());
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

    /**
     * One epoch over {@code images} ({@code [n][784]} scaled floats) in a seeded shuffled order.
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
            java.util.Arrays.fill(yb, 0f);
            for (int i = 0; i < count; i++) {
                System.arraycopy(images, order[from + i] * 784, xb, i * 784, 784);
                yb[i * 10 + labels[order[from + i]]] = 1f;
            }
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(count, 784), DataBuffers.of(xb, true, false)
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
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(m, 784));
                    Result r = feedAndFetch(xt, images, from, m)) {
                r.get(0).asRawTensor().data().asFloats().read(out, from * 10, m * 10);
            }
        }
    }

    private Result feedAndFetch(TFloat32 xt, float[] images, int from, int m) {
        xt.asRawTensor().data().asFloats().write(images, from * 784, m * 784);
        return session.runner().feed(x, xt).fetch(probabilities).run();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
