package dev.fmnist.backend.dl4j.training;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.api.training.TrainingSession;
import dev.fmnist.backend.dl4j.model.Dl4jModel;
import dev.fmnist.backend.dl4j.network.Dl4jNetwork;
import dev.fmnist.backend.dl4j.network.PortableParameters;
import dev.fmnist.backend.dl4j.network.UpdaterState;
import dev.fmnist.backend.dl4j.network.HostArrays;
import dev.fmnist.backend.dl4j.runtime.Nd4jRuntime;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training run on DL4J: each step copies the batch into reused native arrays and calls
 * {@link MultiLayerNetwork#fit(INDArray, INDArray)} (forward, softmax cross-entropy, backward, one
 * optimizer update). The reported loss is DL4J's score of that step, which it computes from the forward
 * pass before updating: the batch's mean cross-entropy (no regularisation is configured), times the batch
 * size to give the sum; the correct count comes from {@link StepAccuracy} on the same forward pass.
 */
public final class Dl4jTrainingSession implements TrainingSession {
    private final Dl4jNetwork network;
    private final MultiLayerNetwork net;
    private final StepAccuracy accuracy;
    private final OptimizerConfig optimizer;
    private double learningRate;
    private final HostArrays labelArrays = new HostArrays();
    private float[] oneHot = new float[0];

    private Dl4jTrainingSession(Dl4jNetwork network, OptimizerConfig optimizer) {
        this.network = network;
        this.optimizer = optimizer;
        this.learningRate = optimizer.learningRate();
        this.net = network.dl4j();
        this.accuracy = new StepAccuracy(net, network.plan());
        net.setListeners(accuracy);
    }

    /**
     * Opens a session: builds the network, sets the API's initial weights and applies the configuration's
     * thread count ({@link Nd4jRuntime#threadsFor}) on the calling thread, which is the one that trains.
     */
    public static Dl4jTrainingSession open(ModelSpec spec, Weights initial, TrainingConfig config) {
        Nd4jRuntime.useThreads(Nd4jRuntime.threadsFor(config.threads()));
        return new Dl4jTrainingSession(Dl4jNetwork.forTraining(spec, initial, config.optimizer(), config.seed()),
                config.optimizer());
    }

    @Override
    public void step(Batch batch, StepContext context, StepMetrics metrics) {
        int n = batch.count();
        synchronized (network) {
            Nd4jRuntime.onThisThread();
            INDArray features = network.features(batch.images(), n);
            INDArray labels = labelArrays.rows(oneHot(batch.labels(), n), n, FashionClass.COUNT);
            network.useDropoutMasks(context, n);
            accuracy.expect(batch.labels(), n);
            net.fit(features, labels);
            metrics.set(net.score() * n, accuracy.correct());
        }
    }

    private float[] oneHot(int[] labels, int n) {
        int size = n * FashionClass.COUNT;
        if (oneHot.length < size) {
            oneHot = new float[size];
        } else {
            Arrays.fill(oneHot, 0, size, 0f);
        }
        for (int i = 0; i < n; i++) {
            oneHot[i * FashionClass.COUNT + labels[i]] = 1f;
        }
        return oneHot;
    }

    @Override
    public void predict(float[] images, int count, float[] probabilities) {
        network.predict(images, count, probabilities);
    }

    @Override
    public Weights weights() {
        return network.weights();
    }

    @Override
    public void setLearningRate(double value) {
        synchronized (network) {
            net.setLearningRate(value);
            learningRate = value;
        }
    }

    @Override
    public void setWeights(Weights weights) {
        synchronized (network) {
            PortableParameters.set(net, network.plan(), weights);
        }
    }

    @Override
    public OptimizerState optimizerState() {
        synchronized (network) {
            return UpdaterState.export(net, network.spec(), network.plan(), optimizer, learningRate);
        }
    }

    @Override
    public void restoreOptimizerState(OptimizerState state) {
        synchronized (network) {
            UpdaterState.restore(net, network.spec(), network.plan(), optimizer, state);
        }
    }

    @Override
    public Model toModel(Provenance provenance) {
        synchronized (network) {
            net.setListeners();
        }
        return new Dl4jModel(network, provenance);
    }

    @Override
    public void close() {
        // The network lives on in the model handed out by toModel; its memory is freed by the collector.
    }
}
