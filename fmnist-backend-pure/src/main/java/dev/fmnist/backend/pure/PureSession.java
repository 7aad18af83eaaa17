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
import dev.fmnist.backend.pure.nn.DenseNetwork;
import dev.fmnist.backend.pure.nn.Inference;
import dev.fmnist.backend.pure.nn.TrainingStep;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.optim.SlotLayout;
import dev.fmnist.backend.pure.optim.StateTransfer;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A network in training: everything a step needs (activations, gradients, optimizer state, per-thread
 * scratch, worker threads) is allocated when the session opens, so steps allocate nothing. Closing the
 * session stops its threads. Replacing the weights (EarlyStopping's restore) rebuilds the network and
 * keeps the optimizer.
 */
public final class PureSession implements TrainingSession {
    private final ModelSpec spec;
    private final Kernels kernels;
    private final String optimizerName;
    private final Optimizer optimizer;
    private final WorkerPool pool;
    private final int threads;
    private final int capacity;
    private DenseNetwork net;
    private TrainingStep step;
    private Inference inference;
    private boolean handedOver;

    /**
     * Opens a session.
     *
     * @throws dev.fmnist.api.error.UnsupportedModelException for networks the backend cannot run
     */
    public PureSession(ModelSpec spec, Weights initial, TrainingConfig config, Kernels kernels) {
        this.spec = spec;
        this.kernels = kernels;
        this.net = new DenseNetwork(spec, initial, kernels);
        this.threads = config.effectiveThreads();
        this.capacity = config.batchSize();
        this.optimizerName = config.optimizer().name();
        this.pool = new WorkerPool(threads, "fmnist-pure");
        try {
            this.optimizer = Optimizer.create(config.optimizer(), TrainingStep.tensorSizes(net), kernels);
            this.step = new TrainingStep(net, optimizer, pool, capacity);
            this.inference = new Inference(net, pool);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public void step(Batch batch, StepContext context, StepMetrics metrics) {
        checkOpen();
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
    public void setLearningRate(double learningRate) {
        optimizer.setLearningRate(learningRate);
    }

    @Override
    public void setWeights(Weights weights) {
        checkOpen();
        net = new DenseNetwork(spec, weights, kernels);
        step = new TrainingStep(net, optimizer, pool, capacity);
        inference = new Inference(net, pool);
    }

    @Override
    public OptimizerState optimizerState() {
        return StateTransfer.export(optimizerName, optimizer, layouts());
    }

    @Override
    public void restoreOptimizerState(OptimizerState state) {
        StateTransfer.restore(optimizerName, optimizer, layouts(), state);
    }

    /** Where each parameter sits in the padded layout, in the optimizer's order (kernel 0, bias 0, ...). */
    private List<SlotLayout> layouts() {
        List<SlotLayout> out = new ArrayList<>();
        Map<String, int[]> shapes = spec.parameterShapes();
        for (int l = 0; l < net.layers(); l++) {
            String kernel = Weights.denseName(l) + "/kernel";
            String bias = Weights.denseName(l) + "/bias";
            out.add(new SlotLayout(kernel, shapes.get(kernel), net.inputs(l), net.units(l), net.stride(l)));
            out.add(new SlotLayout(bias, shapes.get(bias), 1, net.units(l), net.stride(l)));
        }
        return out;
    }

    private void checkOpen() {
        if (handedOver) {
            throw new IllegalStateException("the session's network was handed to a model; open a new session");
        }
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
