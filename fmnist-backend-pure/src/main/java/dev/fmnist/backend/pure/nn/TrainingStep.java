package dev.fmnist.backend.pure.nn;

import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.parallel.AffinityCursor;
import dev.fmnist.backend.pure.parallel.ChunkCursor;
import dev.fmnist.backend.pure.parallel.ParallelTask;
import dev.fmnist.backend.pure.parallel.WorkerPool;

/**
 * One optimisation step on a batch, in two parallel phases with every buffer allocated up front.
 *
 * <ol>
 *   <li>Per sample: forward through every layer (skipping zero inputs: about half of Fashion-MNIST's
 *       pixels and of the ReLU outputs), the loss and its gradient, and the gradient back to every
 *       layer's pre-activation.</li>
 *   <li>Per parameter row: the row's gradient (a sum over the batch's samples in sample order, skipping
 *       zero inputs) and, at once, its optimizer update; a bias is one more row.</li>
 * </ol>
 *
 * <p>Every float sum is computed whole by one thread in a fixed order, so the weights are bit-for-bit
 * the same whatever the number of threads and however the chunks fall to them.
 */
public final class TrainingStep {
    private static final int SAMPLE_CHUNK = 2;
    private static final int ROW_CHUNK = 16;

    private final DenseNetwork net;
    private final Kernels kernels;
    private final Optimizer optimizer;
    private final WorkerPool pool;
    private final int capacity;
    private final float[][] out;
    private final float[][] grad;
    private final double[] loss;
    private final int[] hit;
    private final int[] sampleIds;
    private final float[] ones;
    private final int[] firstItem;
    private final int items;
    private final Scratch[] scratch;
    private final ChunkCursor samples = new ChunkCursor();
    private final AffinityCursor rows;
    private final ParallelTask perSample = this::perSample;
    private final ParallelTask perRow = this::perRow;

    // The batch being stepped; written by the caller before each dispatch, read by the workers.
    private float[] images;
    private int[] labels;
    private int count;
    private double scale;

    /**
     * @param net the network, updated in place
     * @param optimizer the update rule, with state for the tensors kernel 0, bias 0, kernel 1, ...
     * @param pool the threads to use
     * @param capacity the largest batch
     */
    public TrainingStep(DenseNetwork net, Optimizer optimizer, WorkerPool pool, int capacity) {
        this.net = net;
        this.kernels = net.kernels();
        this.optimizer = optimizer;
        this.pool = pool;
        this.capacity = capacity;
        int layers = net.layers();
        out = new float[layers][];
        grad = new float[layers][];
        firstItem = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            out[l] = new float[capacity * net.stride(l)];
            grad[l] = new float[capacity * net.stride(l)];
            firstItem[l + 1] = firstItem[l] + net.inputs(l) + 1;
        }
        items = firstItem[layers];
        loss = new double[capacity];
        hit = new int[capacity];
        sampleIds = new int[capacity];
        ones = new float[capacity];
        for (int s = 0; s < capacity; s++) {
            sampleIds[s] = s;
            ones[s] = 1f;
        }
        scratch = Scratch.forThreads(net, pool.participants(), capacity);
        rows = new AffinityCursor(pool.participants());
    }

    /** The sizes of the parameter tensors in this layout, in the order the optimizer indexes them. */
    public static int[] tensorSizes(DenseNetwork net) {
        int[] sizes = new int[2 * net.layers()];
        for (int l = 0; l < net.layers(); l++) {
            sizes[2 * l] = net.inputs(l) * net.stride(l);
            sizes[2 * l + 1] = net.stride(l);
        }
        return sizes;
    }

    /** Runs one step on {@code batch} and reports its loss sum and correct count (before the update). */
    public void run(Batch batch, StepMetrics metrics) {
        int n = batch.count();
        if (n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " exceeds the session's capacity " + capacity);
        }
        images = batch.images();
        labels = batch.labels();
        count = n;
        scale = 1.0 / n;
        samples.reset(n, SAMPLE_CHUNK);
        pool.run(perSample);
        optimizer.beginStep();
        rows.reset(items, ROW_CHUNK);
        pool.run(perRow);
        double lossSum = 0;
        int correct = 0;
        for (int s = 0; s < n; s++) {
            lossSum += loss[s];
            correct += hit[s];
        }
        metrics.set(lossSum, correct);
    }

    private void perSample(int participant) {
        Scratch sc = scratch[participant];
        for (int start = samples.claim(); start >= 0; start = samples.claim()) {
            int end = samples.end(start);
            int s = start;
            for (; s + 1 < end; s += 2) {
                forwardPair(s, sc);
                lossAndBackward(s, sc);
                lossAndBackward(s + 1, sc);
            }
            if (s < end) {
                forwardOne(s, sc);
                lossAndBackward(s, sc);
            }
        }
    }

    private void forwardPair(int s, Scratch sc) {
        for (int l = 0; l < net.layers(); l++) {
            sc.outOff[l] = s * net.stride(l);
            sc.outOffB[l] = (s + 1) * net.stride(l);
        }
        net.forwardPair(images, s * Images.PIXELS, (s + 1) * Images.PIXELS, out, sc.outOff, out, sc.outOffB, sc);
    }

    private void forwardOne(int s, Scratch sc) {
        for (int l = 0; l < net.layers(); l++) {
            sc.outOff[l] = s * net.stride(l);
        }
        net.forward(images, s * Images.PIXELS, out, sc.outOff, sc);
    }

    private void lossAndBackward(int s, Scratch sc) {
        int last = net.layers() - 1;
        for (int l = 0; l <= last; l++) {
            sc.outOff[l] = s * net.stride(l);
        }
        int classes = net.units(last);
        int zOff = sc.outOff[last];
        loss[s] = SoftmaxCrossEntropy.lossAndGradient(out[last], zOff, classes, labels[s], scale, grad[last], zOff,
                sc.exps);
        hit[s] = SoftmaxCrossEntropy.argmax(out[last], zOff, classes) == labels[s] ? 1 : 0;
        for (int l = last; l > 0; l--) {
            int n = kernels.nonZeros(grad[l], sc.outOff[l], net.units(l), sc.index, sc.value);
            int below = sc.outOff[l - 1];
            kernels.accumulateRows(net.transposed(l), net.stride(l - 1), sc.index, sc.value, n, null, 0,
                    grad[l - 1], below);
            if (net.activation(l - 1) == Activation.RELU) {
                kernels.reluBackward(grad[l - 1], below, out[l - 1], below, net.stride(l - 1));
            }
        }
    }

    private void perRow(int participant) {
        Scratch sc = scratch[participant];
        for (long chunk = rows.claim(participant); chunk >= 0; chunk = rows.claim(participant)) {
            int end = rows.end(chunk);
            for (int item = AffinityCursor.start(chunk); item < end; item++) {
                updateItem(item, sc);
            }
        }
    }

    private void updateItem(int item, Scratch sc) {
        int l = 0;
        while (item >= firstItem[l + 1]) {
            l++;
        }
        int k = item - firstItem[l];
        int stride = net.stride(l);
        float[] g = sc.gradient;
        if (k == net.inputs(l)) {
            kernels.accumulateRows(grad[l], stride, sampleIds, ones, count, null, 0, g, 0);
            optimizer.update(2 * l + 1, net.bias(l), 0, g, 0, stride);
            return;
        }
        float[] a = l == 0 ? images : out[l - 1];
        int aStride = l == 0 ? Images.PIXELS : net.stride(l - 1);
        int n = 0;
        for (int s = 0; s < count; s++) {
            float v = a[s * aStride + k];
            sc.rows[n] = s; // branch-free: whether a pixel is blank varies from sample to sample
            sc.coef[n] = v;
            n += v != 0 ? 1 : 0;
        }
        kernels.accumulateRows(grad[l], stride, sc.rows, sc.coef, n, null, 0, g, 0);
        optimizer.update(2 * l, net.kernel(l), k * stride, g, 0, stride);
        if (l > 0) {
            net.refreshTransposed(l, k, k + 1);
        }
    }
}
