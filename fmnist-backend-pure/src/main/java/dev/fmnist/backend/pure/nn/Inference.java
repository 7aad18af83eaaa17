package dev.fmnist.backend.pure.nn;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.backend.pure.parallel.ChunkCursor;
import dev.fmnist.backend.pure.parallel.ParallelTask;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.Arrays;

/**
 * Class probabilities for many images at once: images are handed to the pool's threads in small
 * chunks, each runs its images through the network three at a time (each weight row read once for
 * three images; a pair or a single image for the rest of a chunk). Not for concurrent callers: the
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
        this.scratch = Scratch.forThreads(net, pool == null ? 1 : pool.participants(), 1);
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
        for (int start = cursor.claim(); start >= 0; start = cursor.claim()) {
            int end = cursor.end(start);
            int s = start;
            for (; s + 2 < end; s += 3) {
                net.predictTriple(images, s * Images.PIXELS, (s + 1) * Images.PIXELS, (s + 2) * Images.PIXELS,
                        sc.triple, sc.index);
                float[] logits = sc.triple[last];
                int stride = net.stride(last);
                for (int i = 0; i < 3; i++) {
                    SoftmaxCrossEntropy.probabilities(logits, i * stride, classes, probabilities, (s + i) * classes,
                            sc.exps);
                }
            }
            if (s + 1 < end) {
                net.predictPair(images, s * Images.PIXELS, (s + 1) * Images.PIXELS, sc.out, sc.outB, sc.index);
                SoftmaxCrossEntropy.probabilities(sc.out[last], 0, classes, probabilities, s * classes, sc.exps);
                SoftmaxCrossEntropy.probabilities(sc.outB[last], 0, classes, probabilities, (s + 1) * classes, sc.exps);
                s += 2;
            }
            if (s < end) {
                net.forward(images, s * Images.PIXELS, sc.out, sc.outOff, sc);
                SoftmaxCrossEntropy.probabilities(sc.out[last], 0, classes, probabilities, s * classes, sc.exps);
            }
        }
    }
}
