package dev.fmnist.backend.pure;

import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.layer.Exec;
import dev.fmnist.backend.pure.layer.LayerNetwork;
import dev.fmnist.backend.pure.layer.NetworkBuilder;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.Objects;

/**
 * A trained network of the layer engine. Its buffers (for {@link #CHUNK} images at a time) and threads
 * are made at the first prediction and released by {@link #close()}; calls are serialised.
 */
final class LayerModel implements Model {
    /** Images per forward pass when predicting. */
    static final int CHUNK = 64;

    private final ModelSpec spec;
    private final Weights weights;
    private final Provenance provenance;
    private final Kernels kernels;
    private final int threads;
    private LayerNetwork net;
    private WorkerPool pool;
    private boolean closed;

    LayerModel(ModelSpec spec, Weights weights, Provenance provenance, Kernels kernels, int threads) {
        this.spec = spec;
        this.weights = weights;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.kernels = kernels;
        this.threads = Math.max(1, threads);
        NetworkBuilder.build(spec, weights); // refuse what the engine cannot run now, not at the first prediction
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public Weights weights() {
        return weights.copy();
    }

    @Override
    public Model withProvenance(Provenance p) {
        return new LayerModel(spec, weights, p, kernels, threads);
    }

    @Override
    public synchronized void predict(float[] images, int count, float[] probabilities) {
        Predictor.checkShapes(images, count, probabilities);
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
        if (net == null) {
            pool = threads > 1 ? new WorkerPool(threads, "fmnist-pure-predict") : null;
            net = NetworkBuilder.build(spec, weights);
            net.openForInference(CHUNK, new Exec(kernels, pool));
        }
        net.predict(images, count, probabilities);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            pool = null;
        }
        net = null;
    }
}
