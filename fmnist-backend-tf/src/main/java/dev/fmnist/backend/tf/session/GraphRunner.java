package dev.fmnist.backend.tf.session;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.DropoutMasks;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.backend.tf.graph.DropoutInput;
import dev.fmnist.backend.tf.graph.NetworkGraph;
import dev.fmnist.backend.tf.graph.OptimizerSlot;
import dev.fmnist.backend.tf.graph.Parameter;
import dev.fmnist.backend.tf.graph.TrainingGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One network in one TensorFlow graph and session. It loads portable weights into the graph's
 * variables, predicts, runs training steps (one {@code Session.run} each) and reads the weights back.
 * Every tensor it creates and every result it gets is closed before the call returns, so repeated calls
 * leave no native memory behind. Predicting is safe from several threads; closing is not.
 */
public final class GraphRunner implements AutoCloseable {
    /** Most images fed in one run when predicting; bounds the native memory of a large call. */
    static final int MAX_PREDICT_RUN = 8192;
    /** Fewest images worth a concurrent run of their own. */
    static final int MIN_SHARD = 128;

    private final Graph graph;
    private final Session session;
    private final NetworkGraph network;
    private final TrainingGraph training;
    private final Threads threads;
    /** Dropout masks are drawn here before they are copied into a tensor (training thread only). */
    private float[] maskBuffer = new float[0];

    private GraphRunner(Graph graph, Session session, NetworkGraph network, TrainingGraph training,
            Threads threads) {
        this.threads = threads;
        this.graph = graph;
        this.session = session;
        this.network = network;
        this.training = training;
    }

    /** A runner that only predicts, holding {@code weights}. */
    public static GraphRunner forInference(ModelSpec spec, Weights weights, Threads threads) {
        return open(spec, weights, null, threads);
    }

    /** A runner that trains with {@code optimizer}, starting from {@code weights} with fresh optimizer state. */
    public static GraphRunner forTraining(ModelSpec spec, Weights weights, OptimizerConfig optimizer,
            Threads threads) {
        return open(spec, weights, optimizer, threads);
    }

    private static GraphRunner open(ModelSpec spec, Weights weights, OptimizerConfig optimizer, Threads threads) {
        Graph graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            NetworkGraph network = NetworkGraph.build(tf, spec);
            weights.checkMatches(spec);
            TrainingGraph training = optimizer == null ? null : TrainingGraph.build(tf, network, optimizer);
            Session session = new Session(graph, threads.toConfig());
            GraphRunner runner = new GraphRunner(graph, session, network, training, threads);
            try {
                runner.load(weights);
                return runner;
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            graph.close();
            throw e;
        }
    }

    private void load(Weights weights) {
        load(weights, true);
    }

    /** Replaces the weights; the optimizer's state stays (restoring the best weights mid-run). */
    public void replaceWeights(Weights weights) {
        weights.checkMatches(network.spec());
        load(weights, false);
    }

    private void load(Weights weights, boolean resetOptimizer) {
        List<TFloat32> values = new ArrayList<>();
        try {
            Session.Runner run = session.runner().addTarget(network.loadWeights());
            for (Parameter p : network.parameters()) {
                TFloat32 value = TFloat32.tensorOf(Shape.of(p.dimensions()),
                        DataBuffers.of(weights.get(p.name()).data(), true, false));
                values.add(value);
                run.feed(p.value(), value);
            }
            if (training != null && resetOptimizer) {
                run.addTarget(training.resetOptimizer());
            }
            run.run().close();
        } finally {
            values.forEach(TFloat32::close);
        }
    }

    /** The network this runner holds. */
    public ModelSpec spec() {
        return network.spec();
    }

    /**
     * Predicts probabilities, as {@link Predictor#predict(float[], int, float[])} specifies. A large call is
     * split into one shard per inter-op thread, run as concurrent {@code Session.run} calls (the caller runs
     * one, the common fork-join pool the others): each run's kernels stay on one thread, so this uses every
     * core without growing TensorFlow's process-wide intra-op pool, which training wants at one thread.
     *
     * @return {@code probabilities}
     */
    public float[] predict(float[] images, int count, float[] probabilities) {
        Predictor.checkShapes(images, count, probabilities);
        int shards = Math.max(1, Math.min(threads.interOp(), count / MIN_SHARD));
        if (shards == 1) {
            predictRange(images, 0, count, probabilities);
            return probabilities;
        }
        int size = (count + shards - 1) / shards;
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int from = size; from < count; from += size) {
            int start = from;
            int end = Math.min(count, from + size);
            others.add(CompletableFuture.runAsync(() -> predictRange(images, start, end, probabilities)));
        }
        predictRange(images, 0, size, probabilities);
        try {
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return probabilities;
    }

    private void predictRange(float[] images, int start, int end, float[] probabilities) {
        for (int from = start; from < end; from += MAX_PREDICT_RUN) {
            int n = Math.min(MAX_PREDICT_RUN, end - from);
            try (TFloat32 x = imageTensor(images, from, n);
                    Result result = session.runner().feed(network.images(), x)
                            .fetch(network.probabilities()).run()) {
                result.get(0).asRawTensor().data().asFloats()
                        .read(probabilities, from * FashionClass.COUNT, n * FashionClass.COUNT);
            }
        }
    }

    /**
     * One training step in one run: feeds the batch and its dropout masks (drawn from {@code context}),
     * fetches its loss sum and correct count (computed before the update) and applies the optimizer.
     */
    public void step(Batch batch, StepContext context, StepMetrics metrics) {
        if (training == null) {
            throw new IllegalStateException("this runner was opened for inference only");
        }
        int n = batch.count();
        List<TFloat32> masks = new ArrayList<>(training.masks().size());
        try (TFloat32 x = imageTensor(batch.images(), 0, n);
                TInt32 y = TInt32.tensorOf(Shape.of(n), DataBuffers.of(batch.labels(), true, false).narrow(n))) {
            Session.Runner run = session.runner()
                    .feed(network.images(), x)
                    .feed(training.labels(), y);
            for (DropoutInput d : training.masks()) {
                TFloat32 mask = maskTensor(d, n, DropoutMasks.key(context, d.layer()));
                masks.add(mask);
                run.feed(d.mask(), mask);
            }
            try (Result result = run.fetch(training.lossSum()).fetch(training.correct())
                    .addTarget(training.train()).run()) {
                metrics.set(((TFloat32) result.get(0)).getFloat(), ((TInt32) result.get(1)).getInt());
            }
        } finally {
            masks.forEach(TFloat32::close);
        }
    }

    private TFloat32 maskTensor(DropoutInput d, int n, long key) {
        int size = n * d.sampleSize();
        if (maskBuffer.length < size) {
            maskBuffer = new float[size];
        }
        DropoutMasks.fill(key, d.rate(), 0, maskBuffer, 0, size);
        long[] dims = d.mask().shape().asArray().clone();
        dims[0] = n;
        TFloat32 mask = TFloat32.tensorOf(Shape.of(dims));
        mask.asRawTensor().data().asFloats().write(maskBuffer, 0, size);
        return mask;
    }

    /** The current parameters in the portable layout. */
    public Weights weights() {
        Session.Runner run = session.runner();
        for (Parameter p : network.parameters()) {
            run.fetch(p.variable());
        }
        List<Tensor> out = new ArrayList<>();
        try (Result result = run.run()) {
            for (int i = 0; i < network.parameters().size(); i++) {
                Parameter p = network.parameters().get(i);
                float[] data = new float[(int) Tensor.elementCount(p.shape())];
                result.get(i).asRawTensor().data().asFloats().read(data);
                out.add(new Tensor(p.name(), p.shape(), data));
            }
        }
        return new Weights(out);
    }

    /** Sets the learning rate of the following steps. */
    public void setLearningRate(double value) {
        try (TFloat32 rate = TFloat32.scalarOf((float) value)) {
            session.runner().feed(training().learningRate(), rate).addTarget(training().setLearningRate()).run()
                    .close();
        }
    }

    /** The optimizer's state in the portable layout. */
    public OptimizerState optimizerState(String optimizer, double learningRate) {
        TrainingGraph t = training();
        Session.Runner run = session.runner().fetch(t.iterations());
        for (OptimizerSlot slot : t.slots()) {
            run.fetch(slot.variable());
        }
        List<Tensor> out = new ArrayList<>();
        try (Result result = run.run()) {
            long iterations = Math.round(((TFloat32) result.get(0)).getFloat());
            for (int i = 0; i < t.slots().size(); i++) {
                OptimizerSlot slot = t.slots().get(i);
                float[] data = new float[(int) Tensor.elementCount(slot.shape())];
                result.get(i + 1).asRawTensor().data().asFloats().read(data);
                out.add(new Tensor(slot.parameter() + "/" + slot.slot(), slot.shape(), data));
            }
            return new OptimizerState(optimizer, iterations, learningRate, out);
        }
    }

    /** Continues from a saved state (slots by Keras's names, step count, learning rate). */
    public void restoreOptimizerState(OptimizerState state) {
        TrainingGraph t = training();
        if (state.iterations() > (1L << 24)) {
            throw new InvalidInputException("the tf backend counts steps in float32, exact up to 16,777,216; the "
                    + "saved state has " + state.iterations());
        }
        List<TFloat32> values = new ArrayList<>();
        try {
            TFloat32 step = TFloat32.scalarOf(state.iterations());
            values.add(step);
            Session.Runner run = session.runner().feed(t.iterationsValue(), step).addTarget(t.setIterations());
            for (OptimizerSlot slot : t.slots()) {
                Tensor saved = state.slot(slot.parameter(), slot.slot());
                if (!java.util.Arrays.equals(saved.shape(), slot.shape())) {
                    throw new InvalidInputException("saved optimizer tensor " + saved.name() + " does not fit the "
                            + "network");
                }
                TFloat32 value = TFloat32.tensorOf(Shape.of(toLongs(slot.shape())),
                        DataBuffers.of(saved.data(), true, false));
                values.add(value);
                run.feed(slot.value(), value).addTarget(slot.assign());
            }
            run.run().close();
        } finally {
            values.forEach(TFloat32::close);
        }
        setLearningRate(state.learningRate());
    }

    private TrainingGraph training() {
        if (training == null) {
            throw new IllegalStateException("this runner was opened for inference only");
        }
        return training;
    }

    private static long[] toLongs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    private static TFloat32 imageTensor(float[] images, int from, int count) {
        TFloat32 x = TFloat32.tensorOf(Shape.of(count, Images.PIXELS));
        x.asRawTensor().data().asFloats().write(images, from * Images.PIXELS, count * Images.PIXELS);
        return x;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
