package dev.fmnist.backend.tf.bench;

import java.util.Arrays;
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
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A network written directly with TensorFlow Java, nothing of fmnist, trained as a user would train it:
 * softmax cross-entropy with logits on one-hot float labels, the framework's Adam with Keras's settings,
 * batches fed in a seeded shuffled order. The network itself ({@link PlainTfNetwork}, {@link PlainTfCnn})
 * only builds its logits.
 */
final class PlainTfTrainer implements AutoCloseable {
    /** Builds a network's logits on the images, drawing its initial weights from {@code random}. */
    interface Network {
        Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, SplittableRandom random);
    }

    private final long[] imageDims;
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> y;
    private final Operand<TFloat32> loss;
    private final Operand<TInt32> correct;
    private final Operand<TFloat32> probabilities;
    private final Op train;

    /**
     * @param imageDims one image's shape as the network takes it, such as {@code 784} or {@code 28, 28, 1}
     * @param intraOp TensorFlow's intra-op threads (0: its default), inter-op likewise
     */
    PlainTfTrainer(Network network, long seed, int intraOp, int interOp, long... imageDims) {
        this.imageDims = imageDims.clone();
        Ops tf = Ops.create(graph);
        x = tf.placeholder(TFloat32.class, Placeholder.shape(batchShape(-1)));
        y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 10)));
        Operand<TFloat32> logits = network.logits(tf, x, new SplittableRandom(seed));
        probabilities = tf.nn.softmax(logits);
        loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));
        correct = tf.sum(tf.dtypes.cast(tf.math.equal(tf.math.argMax(logits, tf.constant(1)),
                tf.math.argMax(y, tf.constant(1))), TInt32.class), tf.constant(0));
        train = new Adam(graph, 1e-3f, 0.9f, 0.999f, 1e-7f).minimize(loss);
        session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(intraOp)
                .setInterOpParallelismThreads(interOp).build());
    }

    private Shape batchShape(long count) {
        long[] dims = new long[imageDims.length + 1];
        dims[0] = count;
        System.arraycopy(imageDims, 0, dims, 1, imageDims.length);
        return Shape.of(dims);
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
            try (TFloat32 xt = TFloat32.tensorOf(batchShape(count), DataBuffers.of(xb, true, false)
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
            try (TFloat32 xt = TFloat32.tensorOf(batchShape(m))) {
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
