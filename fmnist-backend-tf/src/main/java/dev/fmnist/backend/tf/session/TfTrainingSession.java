package dev.fmnist.backend.tf.session;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.api.training.TrainingSession;

/** A network training on TensorFlow, driven step by step by the API's {@code SessionTrainer}. */
public final class TfTrainingSession implements TrainingSession {
    private final GraphRunner runner;
    private final Threads inferenceThreads;
    private final String optimizer;
    private double learningRate;

    private TfTrainingSession(GraphRunner runner, Threads inferenceThreads, TrainingConfig config) {
        this.runner = runner;
        this.inferenceThreads = inferenceThreads;
        this.optimizer = config.optimizer().name();
        this.learningRate = config.optimizer().learningRate();
    }

    /**
     * Builds the training graph for {@code spec}, loaded with {@code initial}, using the thread pools
     * that {@link Threads#forTraining(TrainingConfig, ModelSpec)} picks for {@code config} and the network.
     */
    public static TfTrainingSession open(ModelSpec spec, Weights initial, TrainingConfig config,
            Threads inferenceThreads) {
        return new TfTrainingSession(GraphRunner.forTraining(spec, initial, config.optimizer(),
                Threads.forTraining(config, spec)), inferenceThreads, config);
    }

    @Override
    public void step(Batch batch, StepContext context, StepMetrics metrics) {
        runner.step(batch, context, metrics);
    }

    @Override
    public void predict(float[] images, int count, float[] probabilities) {
        runner.predict(images, count, probabilities);
    }

    @Override
    public Weights weights() {
        return runner.weights();
    }

    @Override
    public void setLearningRate(double value) {
        runner.setLearningRate(value);
        learningRate = value;
    }

    @Override
    public void setWeights(Weights weights) {
        runner.replaceWeights(weights);
    }

    @Override
    public OptimizerState optimizerState() {
        return runner.optimizerState(optimizer, learningRate);
    }

    @Override
    public void restoreOptimizerState(OptimizerState state) {
        if (!state.optimizer().equals(optimizer)) {
            throw new InvalidInputException("the saved optimizer state is " + state.optimizer()
                    + "'s, but training uses " + optimizer);
        }
        runner.restoreOptimizerState(state);
        learningRate = state.learningRate();
    }

    /**
     * The trained model, in a new inference-only graph: the gradients and optimizer state are dropped and
     * prediction gets the inference thread pools.
     */
    @Override
    public Model toModel(Provenance provenance) {
        return TfModel.load(runner.spec(), runner.weights(), provenance, inferenceThreads);
    }

    @Override
    public void close() {
        runner.close();
    }
}
