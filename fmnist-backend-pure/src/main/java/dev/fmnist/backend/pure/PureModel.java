package dev.fmnist.backend.pure;

import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.backend.pure.nn.DenseNetwork;
import dev.fmnist.backend.pure.nn.Inference;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.Objects;

/**
 * A trained network on the pure backend. Its parameters never change; predictions run on worker
 * threads started at the first call and stopped by {@link #close()}. Calls are serialised, so one
 * model may be shared between threads.
 */
public final class PureModel implements Model {
    private final DenseNetwork net;
    private final Provenance provenance;
    private final int threads;
    private WorkerPool pool;
    private Inference inference;
    private boolean closed;

    PureModel(DenseNetwork net, Provenance provenance, int threads) {
        this.net = net;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.threads = Math.max(1, threads);
    }

    @Override
    public ModelSpec spec() {
        return net.spec();
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public Weights weights() {
        return net.toWeights();
    }

    @Override
    public Model withProvenance(Provenance p) {
        return new PureModel(net, p, threads);
    }

    @Override
    public synchronized void predict(float[] images, int count, float[] probabilities) {
        Predictor.checkShapes(images, count, probabilities);
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
        if (inference == null) {
            pool = threads > 1 ? new WorkerPool(threads, "fmnist-pure-predict") : null;
            inference = new Inference(net, pool);
        }
        inference.predict(images, count, probabilities);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            pool = null;
        }
        inference = null;
    }
}
