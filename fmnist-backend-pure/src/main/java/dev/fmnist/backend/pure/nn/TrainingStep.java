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
 * One optimisation step on a batch, in three parallel phases with every buffer allocated up front.
 *
 * <ol>
 *   <li>The first layer, split by input rows into {@link #PARTS} fixed parts (top and bottom of the
 *       image): each part's pixels scaled from the batch's bytes, then its partial sums for each group
 *       of three samples, over the pixels where any of
 *       the three is non-zero (about half of Fashion-MNIST's pixels are zero). Each weight row loaded
 *       then feeds three samples: this phase is bound by reading the weights.</li>
 *   <li>Per sample: the parts' sums added in part order, the remaining layers, the loss and its
 *       gradient, and the gradient back to every layer's pre-activation.</li>
 *   <li>Per parameter row: the row's gradient (a sum over the batch's samples in sample order, skipping
 *       zero inputs) and, at once, its optimizer update; a bias is one more row. The first layer's rows
 *       go two at a time, so that each sample's gradient row is loaded once for both.</li>
 * </ol>
 *
 * <p>With two threads each one keeps to one part of the first layer's weights in both the first and
 * the last phase, so those weights and their optimizer state stay in that core's cache instead of
 * travelling between cores every step (which made two threads barely faster than one); for the same
 * reason each thread scales its own part's pixels rather than reading floats the other core wrote. Every float
 * sum is computed whole by one thread in a fixed order and the parts are fixed, so the weights are
 * bit-for-bit the same whatever the number of threads and however the chunks fall to them.
 */
public final class TrainingStep {
    /** Input parts of the first layer; fixed, so that results do not depend on the thread count. */
    static final int PARTS = 2;
    /** Coefficients that add the parts' sums (a fused multiply-add by 1 is an exact add). */
    private static final float[] PART_ONES = {1f, 1f};
    /** Samples whose first-layer sums share one pass over the weight rows. */
    private static final int GROUP = 3;
    private static final int SAMPLE_CHUNK = 2;
    private static final int ROW_CHUNK = 16;

    private final DenseNetwork net;
    private final Kernels kernels;
    private final Optimizer optimizer;
    private final WorkerPool pool;
    private final int capacity;
    private final int[] partBounds;
    private final float[] partial;
    /** The batch's pixels as floats, scaled from its bytes part by part in the first-layer phase. */
    private final float[] images;
    private final float[][] out;
    private final float[][] grad;
    private final double[] loss;
    private final int[] hit;
    private final int[] sampleIds;
    /** The coefficient 1 for every sample: sums the batch's gradients for a bias. */
    private final float[] ones;
    private final int[] firstItem;
    private final int items;
    private final int[] rowBounds;
    private final Scratch[] scratch;
    private final int[][] partRows;
    private final AffinityCursor firstLayer;
    private final ChunkCursor samples = new ChunkCursor();
    private final AffinityCursor rows;
    private final ParallelTask firstLayerTask = this::firstLayer;
    private final ParallelTask perSample = this::perSample;
    private final ParallelTask perRow = this::perRow;

    // The batch being stepped; written by the caller before each dispatch, read by the workers.
    private byte[] raw;
    private int[] labels;
    private int count;
    private int groups;
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
        int inputs = net.inputs(0);
        partBounds = new int[PARTS + 1];
        for (int p = 0; p <= PARTS; p++) {
            partBounds[p] = inputs * p / PARTS;
        }
        partial = new float[PARTS * capacity * net.stride(0)];
        images = new float[capacity * Images.PIXELS];
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
        int participants = pool.participants();
        scratch = Scratch.forThreads(net, participants, capacity);
        partRows = new int[participants][PARTS];
        firstLayer = new AffinityCursor(participants);
        rows = new AffinityCursor(participants);
        rowBounds = new int[participants + 1];
        for (int i = 0; i <= participants; i++) {
            rowBounds[i] = (int) ((long) items * i / participants);
        }
        if (participants == PARTS) {
            // Each thread updates the first-layer rows of the part it computed in the first phase.
            for (int p = 1; p < PARTS; p++) {
                rowBounds[p] = partBounds[p];
            }
        }
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
        raw = batch.raw();
        labels = batch.labels();
        count = n;
        groups = (n + GROUP - 1) / GROUP;
        scale = 1.0 / n;
        firstLayer.reset(PARTS * groups, 1);
        pool.run(firstLayerTask);
        samples.reset(n, SAMPLE_CHUNK);
        pool.run(perSample);
        optimizer.beginStep();
        rows.reset(rowBounds, ROW_CHUNK);
        pool.run(perRow);
        double lossSum = 0;
        int correct = 0;
        for (int s = 0; s < n; s++) {
            lossSum += loss[s];
            correct += hit[s];
        }
        metrics.set(lossSum, correct);
    }

    private void firstLayer(int participant) {
        Scratch sc = scratch[participant];
        for (long chunk = firstLayer.claim(participant); chunk >= 0; chunk = firstLayer.claim(participant)) {
            int end = firstLayer.end(chunk);
            for (int item = AffinityCursor.start(chunk); item < end; item++) {
                partialSums(item / groups, GROUP * (item % groups), sc);
            }
        }
    }

    /**
     * Part {@code part} of the first layer's sums for the samples {@code s..s+2} (fewer at the end of the
     * batch). The coefficients are read in place from the images. Every sum runs over its part's pixels
     * in increasing order, and a pixel that is zero for this sample adds an exact zero, so each sample
     * gets the same bits whichever group it falls in.
     */
    private void partialSums(int part, int s, Scratch sc) {
        int from = partBounds[part];
        int len = partBounds[part + 1] - from;
        int stride = net.stride(0);
        float[] w = net.kernel(0);
        int a = s * Images.PIXELS;
        int b = a + Images.PIXELS;
        int out = (part * capacity + s) * stride;
        int group = Math.min(GROUP, count - s);
        // Each part's pixels are scaled by the thread that reads them here and in the row updates.
        for (int k = 0; k < group; k++) {
            kernels.scalePixels(raw, a + k * Images.PIXELS + from, images, a + k * Images.PIXELS + from, len);
        }
        int n;
        switch (group) {
            case 3 -> {
                int c = b + Images.PIXELS;
                n = kernels.nonZeroPositionsTriple(images, a + from, b + from, c + from, len, sc.index);
                toRows(sc.index, n, from);
                kernels.accumulateInputsTriple(w, stride, sc.index, n, images, a, b, c, null, 0, partial, out,
                        out + stride, out + 2 * stride);
            }
            case 2 -> {
                n = kernels.nonZeroPositionsPair(images, a + from, images, b + from, len, sc.index);
                toRows(sc.index, n, from);
                kernels.accumulateInputsPair(w, stride, sc.index, n, images, a, images, b, null, 0, partial, out,
                        partial, out + stride);
            }
            default -> {
                n = kernels.nonZeros(images, a + from, len, sc.index, sc.value);
                toRows(sc.index, n, from);
                kernels.accumulateRows(w, stride, sc.index, sc.value, n, null, 0, partial, out);
            }
        }
    }

    private static void toRows(int[] index, int n, int from) {
        for (int i = 0; i < n; i++) {
            index[i] += from;
        }
    }

    private void perSample(int participant) {
        Scratch sc = scratch[participant];
        int[] parts = partRows[participant];
        for (int start = samples.claim(); start >= 0; start = samples.claim()) {
            int end = samples.end(start);
            for (int s = start; s < end; s++) {
                for (int p = 0; p < PARTS; p++) {
                    parts[p] = p * capacity + s;
                }
                forwardBackward(s, parts, sc);
            }
        }
    }

    private void forwardBackward(int s, int[] parts, Scratch sc) {
        int last = net.layers() - 1;
        for (int l = 0; l <= last; l++) {
            sc.outOff[l] = s * net.stride(l);
        }
        // First layer: bias + part 0 + part 1, added in that order.
        kernels.accumulateRows(partial, net.stride(0), parts, PART_ONES, PARTS, net.bias(0), 0, out[0], sc.outOff[0]);
        net.activate(0, out[0], sc.outOff[0]);
        for (int l = 1; l <= last; l++) {
            net.forwardLayer(l, out[l - 1], sc.outOff[l - 1], out[l], sc.outOff[l], sc);
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
        sc.maskFrom = -1; // a new batch
        for (long chunk = rows.claim(participant); chunk >= 0; chunk = rows.claim(participant)) {
            int end = rows.end(chunk);
            int firstLayerRows = net.inputs(0);
            for (int item = AffinityCursor.start(chunk); item < end; item++) {
                if (item + 1 < end && item + 1 < firstLayerRows) {
                    updateFirstLayerRows(item, sc);
                    item++;
                } else {
                    updateItem(item, sc);
                }
            }
        }
    }

    /**
     * The first layer's kernel rows {@code k} and {@code k+1}: both gradients in one pass over the samples
     * where either pixel is non-zero (a sample with one pixel zero adds an exact zero to that row's sum, so
     * each row gets the bits {@link #updateItem} gives it), then both updates.
     */
    private void updateFirstLayerRows(int k, Scratch sc) {
        int stride = net.stride(0);
        int n = nonZeroSamples(0, images, Images.PIXELS, k, true, sc);
        kernels.accumulateRowsPair(grad[0], stride, sc.rows, sc.coef, sc.coefB, n, null, 0, sc.gradient, 0,
                sc.gradientB, 0);
        optimizer.update(0, net.kernel(0), k * stride, sc.gradient, 0, stride);
        optimizer.update(0, net.kernel(0), (k + 1) * stride, sc.gradientB, 0, stride);
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
        int n = nonZeroSamples(l, a, aStride, k, false, sc);
        kernels.accumulateRows(grad[l], stride, sc.rows, sc.coef, n, null, 0, g, 0);
        optimizer.update(2 * l, net.kernel(l), k * stride, g, 0, stride);
        if (l > 0) {
            net.refreshTransposed(l, k, k + 1);
        }
    }

    /**
     * Lists in {@code sc.rows}, in sample order, the samples whose input {@code k} to layer {@code layer}
     * (or, for a pair, input {@code k} or {@code k+1}) is non-zero, with those inputs in {@code sc.coef}
     * (and {@code sc.coefB}). The samples are read off per-column bit masks made for
     * {@link Kernels#MASK_COLUMNS} inputs at a time and kept for the next rows: building the list sample by
     * sample cost more than the row's gradient sum.
     *
     * @return how many samples were listed
     */
    private int nonZeroSamples(int layer, float[] a, int aStride, int k, boolean pair, Scratch sc) {
        int last = pair ? k + 1 : k;
        int from = sc.maskFrom;
        if (from < 0 || sc.maskLayer != layer || k < from || last >= from + Kernels.MASK_COLUMNS) {
            from = Math.min(k, aStride - Kernels.MASK_COLUMNS);
            kernels.nonZeroSampleMasks(a, aStride, from, count, sc.sampleMasks);
            sc.maskFrom = from;
            sc.maskLayer = layer;
        }
        int[] masks = sc.sampleMasks;
        int n = 0;
        for (int b = 0, column = k - from; b << 5 < count; b++, column += Kernels.MASK_COLUMNS) {
            int bits = pair ? masks[column] | masks[column + 1] : masks[column];
            for (; bits != 0; bits &= bits - 1) {
                int s = (b << 5) + Integer.numberOfTrailingZeros(bits);
                int at = s * aStride + k;
                sc.rows[n] = s;
                sc.coef[n] = a[at];
                if (pair) {
                    sc.coefB[n] = a[at + 1];
                }
                n++;
            }
        }
        return n;
    }
}
