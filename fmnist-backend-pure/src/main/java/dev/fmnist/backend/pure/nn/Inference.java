package dev.fmnist.backend.pure.nn;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.parallel.ChunkCursor;
import dev.fmnist.backend.pure.parallel.ParallelTask;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.Arrays;

/**
 * Class probabilities for many images at once: images are handed to the pool's threads in chunks of
 * {@value #CHUNK}; a thread orders its chunk by the images' non-zero pixel counts and runs them through
 * the network three at a time (each weight row read once for three images; a pair or a single image for
 * the rest of a chunk). Every image gets the bits {@link DenseNetwork#forward} gives it alone, whatever
 * its partners, chunk or thread. Not for concurrent callers: the
 * owner serialises calls.
 */
public final class Inference {
    /** Images per claim: a multiple of three (images go through the network in threes). */
    private static final int CHUNK = 12;

    private final DenseNetwork net;
    private final WorkerPool pool;
    private final Scratch[] scratch;
    private final ChunkCursor cursor = new ChunkCursor();
    private final ParallelTask task = this::predictShare;
    private float[] images;
    private float[] probabilities;

    /**
     * @param net the network to run
     * @param pool threads to use, or null to predict on the calling thread only
     */
    public Inference(DenseNetwork net, WorkerPool pool) {
        this.net = net;
        this.pool = pool;
        this.scratch = Scratch.forThreads(net, pool == null ? 1 : pool.participants(), CHUNK);
    }

    /** See {@link Predictor#predict(float[], int, float[])}. */
    public void predict(float[] images, int count, float[] probabilities) {
        Predictor.checkShapes(images, count, probabilities);
        this.images = images;
        this.probabilities = probabilities;
        cursor.reset(count, CHUNK);
        try {
            if (pool == null || count <= CHUNK) {
                task.run(0);
            } else {
                pool.run(task);
            }
        } finally {
            this.images = null;
            this.probabilities = null;
        }
    }

    private void predictShare(int participant) {
        Scratch sc = scratch[participant];
        Arrays.fill(sc.outOff, 0);
        Arrays.fill(sc.outOffB, 0);
        int last = net.layers() - 1;
        int classes = net.units(last);
        Kernels kernels = net.kernels();
        int[] order = sc.rows;
        int[] count = sc.counts;
        for (int start = cursor.claim(); start >= 0; start = cursor.claim()) {
            int n = cursor.end(start) - start;
            sortByNonZeros(start, n, order, count, kernels);
            int i = 0;
            for (; i + 2 < n; i += 3) {
                net.predictTriple(images, order[i] * Images.PIXELS, order[i + 1] * Images.PIXELS,
                        order[i + 2] * Images.PIXELS, sc.triple, sc.index);
                float[] logits = sc.triple[last];
                int stride = net.stride(last);
                for (int k = 0; k < 3; k++) {
                    SoftmaxCrossEntropy.probabilities(logits, k * stride, classes, probabilities,
                            order[i + k] * classes, sc.exps);
                }
            }
            if (i + 1 < n) {
                net.predictPair(images, order[i] * Images.PIXELS, order[i + 1] * Images.PIXELS, sc.out, sc.outB,
                        sc.index);
                SoftmaxCrossEntropy.probabilities(sc.out[last], 0, classes, probabilities, order[i] * classes,
                        sc.exps);
                SoftmaxCrossEntropy.probabilities(sc.outB[last], 0, classes, probabilities, order[i + 1] * classes,
                        sc.exps);
                i += 2;
            }
            if (i < n) {
                net.forward(images, order[i] * Images.PIXELS, sc.out, sc.outOff, sc);
                SoftmaxCrossEntropy.probabilities(sc.out[last], 0, classes, probabilities, order[i] * classes,
                        sc.exps);
            }
        }
    }

    /**
     * Puts images {@code start..start+n} in {@code order} by their number of non-zero pixels (ties by
     * position): neighbours then have similar outlines, so the rows where any of three is non-zero, which
     * {@link DenseNetwork#predictTriple} pays for, are fewer (584 to 546 on average for the test set in
     * chunks of 12). Each image's result does not depend on its partners, so this changes no bits.
     */
    private void sortByNonZeros(int start, int n, int[] order, int[] count, Kernels kernels) {
        for (int i = 0; i < n; i++) {
            int c = kernels.nonZeroCount(images, (start + i) * Images.PIXELS, Images.PIXELS);
            int j = i;
            for (; j > 0 && count[j - 1] > c; j--) {
                count[j] = count[j - 1];
                order[j] = order[j - 1];
            }
            count[j] = c;
            order[j] = start + i;
        }
    }
}
