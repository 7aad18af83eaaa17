package dev.fmnist.backend.dl4j.training;

import dev.fmnist.api.FashionClass;
import dev.fmnist.backend.dl4j.network.HostArrays;
import dev.fmnist.backend.dl4j.network.LayerPlan;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Counts a training step's correct predictions from the forward pass DL4J already makes, before the update.
 *
 * <p>DL4J's {@code fit} hands listeners the activations up to the output layer's input, but not the output
 * itself. Softmax keeps the order of the logits, so the predicted class is the argmax of
 * {@code input * W + b} with the output layer's (not yet updated) parameters: one small product per step
 * instead of a second forward pass through the whole network. When the last layer is a loss layer (a
 * Softmax layer in the description) its input is the logits themselves. An image-shaped input (a Flatten
 * right before the output layer) is flattened as DL4J's preprocessor flattens it, channels first.
 */
final class StepAccuracy extends BaseTrainingListener {
    private final MultiLayerNetwork net;
    private final String weightKey;
    private final String biasKey;
    private final boolean hasWeights;
    private final boolean hasBias;
    private int[] labels;
    private int count;
    private int correct;
    private float[] logits = new float[0];
    private INDArray product;

    StepAccuracy(MultiLayerNetwork net, LayerPlan plan) {
        this.net = net;
        this.hasWeights = plan.outputHasWeights();
        this.hasBias = plan.outputHasBias();
        int output = net.getnLayers() - 1;
        this.weightKey = output + "_" + DefaultParamInitializer.WEIGHT_KEY;
        this.biasKey = output + "_" + DefaultParamInitializer.BIAS_KEY;
    }

    /** Prepares for a step on {@code count} images with these labels. */
    void expect(int[] stepLabels, int stepCount) {
        this.labels = stepLabels;
        this.count = stepCount;
        this.correct = -1;
    }

    /** Correct predictions of the last step; -1 if DL4J made no forward pass. */
    int correct() {
        return correct;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        INDArray input = activations.get(activations.size() - 1);
        if (input.rank() != 2) {
            input = input.reshape('c', input.size(0), input.length() / input.size(0));
        }
        INDArray z = input;
        if (hasWeights) {
            INDArray weights = net.getParam(weightKey);
            if (product == null || product.rows() != input.rows()) {
                // Outside DL4J's workspaces and kept across steps: full batches all have one shape.
                product = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', input.rows(), weights.columns());
            }
            z = input.mmuli(weights, product);
            if (hasBias) {
                z.addiRowVector(net.getParam(biasKey));
            }
        }
        int size = count * FashionClass.COUNT;
        if (logits.length < size) {
            logits = new float[size];
        }
        HostArrays.read(z, logits, size);
        int hits = 0;
        for (int i = 0; i < count; i++) {
            int best = 0;
            int row = i * FashionClass.COUNT;
            for (int c = 1; c < FashionClass.COUNT; c++) {
                if (logits[row + c] > logits[row + best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                hits++;
            }
        }
        correct = hits;
    }
}
