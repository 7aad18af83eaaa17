package dev.fmnist.backend.pure;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.api.training.TrainingSession;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.layer.Exec;
import dev.fmnist.backend.pure.layer.LayerNetwork;
import dev.fmnist.backend.pure.layer.NetworkBuilder;
import dev.fmnist.backend.pure.layer.Param;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.optim.SlotLayout;
import dev.fmnist.backend.pure.optim.StateTransfer;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.ArrayList;
import java.util.List;

/**
 * Training any network of the layer engine: its buffers, optimizer state and threads are allocated when
 * the session opens (a step allocates nothing), and closing it stops the threads.
 */
final class LayerSession implements TrainingSession {
    private final ModelSpec spec;
    private final int batchSize;
    private final String optimizerName;
    private LayerNetwork net;
    private final WorkerPool pool;
    private final Optimizer optimizer;
    private final Kernels kernels;
    private final int threads;
    private boolean handedOver;

    LayerSession(ModelSpec spec, Weights initial, TrainingConfig config, Kernels kernels) {
        this.spec = spec;
        this.kernels = kernels;
        this.net = NetworkBuilder.build(spec, initial);
        this.batchSize = config.batchSize();
        this.optimizerName = config.optimizer().name();
        this.threads = config.effectiveThreads();
        this.pool = threads > 1 ? new WorkerPool(threads, "fmnist-pure") : null;
        net.open(config.batchSize(), new Exec(kernels, pool));
        this.optimizer = Optimizer.create(config.optimizer(), net.trainableSizes(), kernels);
    }

    @Override
    public void step(Batch batch, StepContext context, StepMetrics metrics) {
        if (handedOver) {
            throw new IllegalStateException("the session's network was handed to a model; open a new session");
        }
        net.context(context);
        net.step(batch, metrics, optimizer);
    }

    @Override
    public void predict(float[] images, int count, float[] probabilities) {
        net.predict(images, count, probabilities);
    }

    @Override
    public Weights weights() {
        return NetworkBuilder.weights(spec, net);
    }

    @Override
    public void setLearningRate(double learningRate) {
        optimizer.setLearningRate(learningRate);
    }

    /** Rebuilds the network from {@code weights}; the optimizer keeps its state. */
    @Override
    public void setWeights(Weights weights) {
        net = NetworkBuilder.build(spec, weights);
        net.open(batchSize, new Exec(kernels, pool));
    }

    @Override
    public OptimizerState optimizerState() {
        return StateTransfer.export(optimizerName, optimizer, layouts());
    }

    @Override
    public void restoreOptimizerState(OptimizerState state) {
        StateTransfer.restore(optimizerName, optimizer, layouts(), state);
    }

    /** The trainable tensors in the optimizer's order; the layer engine keeps them unpadded. */
    private List<SlotLayout> layouts() {
        List<SlotLayout> out = new ArrayList<>();
        for (Param p : net.params()) {
            if (p.trainable()) {
                out.add(new SlotLayout(p.name(), p.shape(), 1, p.data().length, p.data().length));
            }
        }
        return out;
    }

    @Override
    public Model toModel(Provenance provenance) {
        handedOver = true;
        return new LayerModel(spec, weights(), provenance, kernels, threads);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
