package dev.fmnist.backend.pure;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.api.training.TrainingSession;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.nn.DenseNetwork;
import dev.fmnist.backend.pure.nn.Inference;
import dev.fmnist.backend.pure.nn.TrainingStep;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.parallel.WorkerPool;

/**
 * A network in training: everything a step needs (activations, gradients, optimizer state, per-thread
 * scratch, worker threads) is allocated when the session opens, so steps allocate nothing. Closing the
 * session stops its threads.
 */
public final class PureSession implements TrainingSession {
    private final DenseNetwork net;
    private final WorkerPool pool;
    private final TrainingStep step;
    private final Inference inference;
    private final int threads;
    private boolean handedOver;

    /**
     * Opens a session.
     *
     * @throws dev.fmnist.api.error.UnsupportedModelException for networks the backend cannot run
     */
    public PureSession(ModelSpec spec, Weights initial, TrainingConfig config, Kernels kernels) {
        this.net = new DenseNetwork(spec, initial, kernels);
        this.threads = config.effectiveThreads();
        this.pool = new WorkerPool(threads, "fmnist-pure");
        try {
            Optimizer optimizer = Optimizer.create(config.optimizer(), TrainingStep.tensorSizes(net), kernels);
            this.step = new TrainingStep(net, optimizer, pool, config.batchSize());
            this.inference = new Inference(net, pool);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public void step(Batch batch, StepContext context, StepMetrics metrics) {
        if (handedOver) {
            throw new IllegalStateException("the session's network was handed to a model; open a new session");
        }
        step.run(batch, metrics);
    }

    @Override
    public void predict(float[] images, int count, float[] probabilities) {
        inference.predict(images, count, probabilities);
    }

    @Override
    public Weights weights() {
        return net.toWeights();
    }

    @Override
    public Model toModel(Provenance provenance) {
        handedOver = true;
        return new PureModel(net, provenance, threads);
    }

    @Override
    public void close() {
        pool.close();
    }
}
