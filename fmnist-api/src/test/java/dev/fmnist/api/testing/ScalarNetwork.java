package dev.fmnist.api.testing;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.StepMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain, single-threaded dense network in float arithmetic: the test
 * double behind the fake backend, and a readable statement of what every backend computes.
 */
final class ScalarNetwork implements Predictor {
    private final ModelSpec spec;
    private final int[] widths;
    private final Activation[] activations;
    private final float[][] kernels;
    private final float[][] biases;
    private final ReferenceOptimizer optimizer;
    private final OptimizerConfig optimizerConfig;

    ScalarNetwork(ModelSpec spec, Weights weights, OptimizerConfig optimizer) {
        for (LayerSpec l : spec.layers()) {
            if (!(l instanceof LayerSpec.Flatten) && !(l instanceof LayerSpec.Dense)) {
                throw new UnsupportedModelException("the fake backend cannot run layer '" + l.type() + "'");
            }
        }
        weights.checkMatches(spec);
        this.spec = spec;
        List<LayerSpec.Dense> dense = spec.denseLayers();
        int n = dense.size();
        widths = new int[n + 1];
        widths[0] = Images.PIXELS;
        activations = new Activation[n];
        kernels = new float[n][];
        biases = new float[n][];
        for (int i = 0; i < n; i++) {
            widths[i + 1] = dense.get(i).units();
            activations[i] = dense.get(i).activation();
            if (activations[i] != Activation.RELU && activations[i] != Activation.LINEAR
                    && !(activations[i] == Activation.SOFTMAX && i == n - 1)) {
                throw new UnsupportedModelException("the fake backend cannot run activation "
                        + activations[i].keyword());
            }
            kernels[i] = weights.kernel(i).clone();
            biases[i] = weights.bias(i).clone();
        }
        this.optimizerConfig = optimizer;
        this.optimizer = new ReferenceOptimizer(optimizer, spec.parameterShapes());
    }

    String optimizerName() {
        return optimizerConfig.name();
    }

    ReferenceOptimizer optimizer() {
        return optimizer;
    }

    /** Replaces the parameters. */
    void setWeights(Weights weights) {
        weights.checkMatches(spec);
        for (int i = 0; i < kernels.length; i++) {
            kernels[i] = weights.kernel(i).clone();
            biases[i] = weights.bias(i).clone();
        }
    }

    ModelSpec spec() {
        return spec;
    }

    Weights weights() {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < kernels.length; i++) {
            out.add(new Tensor(Weights.denseName(i) + "/kernel", new int[] {widths[i], widths[i + 1]}, kernels[i].clone()));
            out.add(new Tensor(Weights.denseName(i) + "/bias", new int[] {widths[i + 1]}, biases[i].clone()));
        }
        return new Weights(out);
    }

    /** Activations of every layer for one image; the last holds logits (before softmax). */
    private float[][] forward(float[] images, int offset) {
        float[][] a = new float[kernels.length + 1][];
        a[0] = new float[Images.PIXELS];
        System.arraycopy(images, offset, a[0], 0, Images.PIXELS);
        for (int l = 0; l < kernels.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            float[] z = biases[l].clone();
            for (int r = 0; r < in; r++) {
                float x = a[l][r];
                if (x != 0) {
                    for (int c = 0; c < out; c++) {
                        z[c] += x * kernels[l][r * out + c];
                    }
                }
            }
            if (activations[l] == Activation.RELU) {
                for (int c = 0; c < out; c++) {
                    z[c] = Math.max(0, z[c]);
                }
            }
            a[l + 1] = z;
        }
        return a;
    }

    private static void softmax(float[] logits, float[] out, int offset) {
        float max = Float.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (float z : logits) {
            sum += Math.exp(z - max);
        }
        for (int c = 0; c < logits.length; c++) {
            out[offset + c] = (float) (Math.exp(logits[c] - max) / sum);
        }
    }

    @Override
    public void predict(float[] images, int count, float[] probabilities) {
        Predictor.checkShapes(images, count, probabilities);
        for (int i = 0; i < count; i++) {
            float[][] a = forward(images, i * Images.PIXELS);
            softmax(a[kernels.length], probabilities, i * FashionClass.COUNT);
        }
    }

    void step(Batch batch, StepMetrics metrics) {
        int n = batch.count();
        int layers = kernels.length;
        float[][] gk = new float[layers][];
        float[][] gb = new float[layers][];
        for (int l = 0; l < layers; l++) {
            gk[l] = new float[kernels[l].length];
            gb[l] = new float[biases[l].length];
        }
        double lossSum = 0;
        int correct = 0;
        float[] p = new float[FashionClass.COUNT];
        for (int i = 0; i < n; i++) {
            float[][] a = forward(batch.images(), i * Images.PIXELS);
            float[] logits = a[layers];
            softmax(logits, p, 0);
            int y = batch.labels()[i];
            float max = Float.NEGATIVE_INFINITY;
            int best = 0;
            for (int c = 0; c < FashionClass.COUNT; c++) {
                if (logits[c] > max) {
                    max = logits[c];
                    best = c;
                }
            }
            double lse = 0;
            for (float z : logits) {
                lse += Math.exp(z - max);
            }
            lossSum += max + Math.log(lse) - logits[y];
            if (best == y) {
                correct++;
            }
            float[] delta = p.clone();
            delta[y] -= 1;
            for (int c = 0; c < delta.length; c++) {
                delta[c] /= n;
            }
            for (int l = layers - 1; l >= 0; l--) {
                int in = widths[l];
                int out = widths[l + 1];
                float[] below = new float[in];
                for (int r = 0; r < in; r++) {
                    float x = a[l][r];
                    float acc = 0;
                    for (int c = 0; c < out; c++) {
                        gk[l][r * out + c] += x * delta[c];
                        acc += kernels[l][r * out + c] * delta[c];
                    }
                    below[r] = acc;
                }
                for (int c = 0; c < out; c++) {
                    gb[l][c] += delta[c];
                }
                if (l > 0) {
                    for (int r = 0; r < in; r++) {
                        if (activations[l - 1] == Activation.RELU && a[l][r] <= 0) {
                            below[r] = 0;
                        }
                    }
                }
                delta = below;
            }
        }
        List<float[]> params = new ArrayList<>();
        List<float[]> grads = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            params.add(kernels[l]);
            grads.add(gk[l]);
            params.add(biases[l]);
            grads.add(gb[l]);
        }
        optimizer.step(params, grads);
        metrics.set(lossSum, correct);
    }
}
