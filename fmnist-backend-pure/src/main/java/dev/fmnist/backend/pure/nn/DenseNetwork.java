package dev.fmnist.backend.pure.nn;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.backend.pure.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of dense layers and its parameters in the pure backend's layout: the kernel of a layer with
 * {@code in} inputs and {@code out} units is {@code [in][stride]} row-major with
 * {@code stride = out} rounded up to {@link Kernels#STRIDE_ALIGNMENT} (the padding stays zero), so every
 * row is whole vectors. Layers after the first also keep their kernel transposed, {@code [out][inStride]},
 * to propagate gradients without horizontal sums; {@link #refreshTransposed} keeps the copy current.
 *
 * <p>The arrays are shared with the training step and updated in place; {@link #toWeights()} exports
 * the portable layout.
 */
public final class DenseNetwork {
    private final ModelSpec spec;
    private final Kernels kernels;
    private final int layers;
    private final int[] inputs;
    private final int[] units;
    private final int[] strides;
    private final Activation[] activations;
    private final float[][] kernel;
    private final float[][] bias;
    private final float[][] transposed;

    /**
     * Builds the network of {@code spec} with a copy of {@code weights}.
     *
     * @throws UnsupportedModelException for layers or activations this backend cannot run
     * @throws dev.fmnist.api.error.InvalidInputException if the weights do not fit the description
     */
    public DenseNetwork(ModelSpec spec, Weights weights, Kernels kernels) {
        checkSupported(spec);
        weights.checkMatches(spec);
        this.spec = spec;
        this.kernels = kernels;
        List<LayerSpec.Dense> dense = spec.denseLayers();
        layers = dense.size();
        inputs = new int[layers];
        units = new int[layers];
        strides = new int[layers];
        activations = new Activation[layers];
        kernel = new float[layers][];
        bias = new float[layers][];
        transposed = new float[layers][];
        int width = Images.PIXELS;
        for (int l = 0; l < layers; l++) {
            inputs[l] = width;
            units[l] = dense.get(l).units();
            strides[l] = pad(units[l]);
            activations[l] = dense.get(l).activation();
            kernel[l] = new float[inputs[l] * strides[l]];
            bias[l] = new float[strides[l]];
            float[] k = weights.kernel(l);
            for (int r = 0; r < inputs[l]; r++) {
                System.arraycopy(k, r * units[l], kernel[l], r * strides[l], units[l]);
            }
            System.arraycopy(weights.bias(l), 0, bias[l], 0, units[l]);
            if (l > 0) {
                transposed[l] = new float[units[l] * strides[l - 1]];
                refreshTransposed(l, 0, inputs[l]);
            }
            width = units[l];
        }
    }

    /** {@code n} rounded up to a multiple of {@link Kernels#STRIDE_ALIGNMENT}. */
    static int pad(int n) {
        int a = Kernels.STRIDE_ALIGNMENT;
        return (n + a - 1) / a * a;
    }

    private static void checkSupported(ModelSpec spec) {
        List<LayerSpec> ls = spec.layers();
        for (int i = 0; i < ls.size(); i++) {
            LayerSpec l = ls.get(i);
            if (l instanceof LayerSpec.Dense d) {
                boolean last = i == ls.size() - 1;
                boolean ok = last ? d.activation() == Activation.SOFTMAX
                        : d.activation() == Activation.RELU || d.activation() == Activation.LINEAR;
                if (!ok) {
                    throw new UnsupportedModelException("the pure backend cannot run activation '"
                            + d.activation().keyword() + "' in layer " + (i + 1) + " of model '" + spec.name()
                            + "' (supported: relu or linear in hidden dense layers, softmax last)");
                }
            } else if (!(l instanceof LayerSpec.Flatten)) {
                throw new UnsupportedModelException("the pure backend cannot run layer '" + l.type() + "' (layer "
                        + (i + 1) + " of model '" + spec.name() + "'); it runs flatten and dense layers only");
            }
        }
    }

    /** Rewrites the transposed copy of layer {@code l}'s kernel for input rows {@code [from, to)}. */
    public void refreshTransposed(int l, int from, int to) {
        float[] t = transposed[l];
        float[] k = kernel[l];
        int s = strides[l];
        int ts = strides[l - 1];
        int out = units[l];
        for (int r = from; r < to; r++) {
            for (int c = 0; c < out; c++) {
                t[c * ts + r] = k[r * s + c];
            }
        }
    }

    /** The parameters in the portable layout (a copy). */
    public Weights toWeights() {
        List<Tensor> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            float[] k = new float[inputs[l] * units[l]];
            for (int r = 0; r < inputs[l]; r++) {
                System.arraycopy(kernel[l], r * strides[l], k, r * units[l], units[l]);
            }
            out.add(new Tensor(Weights.denseName(l) + "/kernel", new int[] {inputs[l], units[l]}, k));
            float[] b = new float[units[l]];
            System.arraycopy(bias[l], 0, b, 0, units[l]);
            out.add(new Tensor(Weights.denseName(l) + "/bias", new int[] {units[l]}, b));
        }
        return new Weights(out);
    }

    /**
     * Runs one image through the network.
     *
     * @param x input pixels, scaled
     * @param xOff offset of the image in {@code x}
     * @param out per-layer outputs: {@code out[l]} receives layer {@code l}'s activations (logits for the
     *     last layer) at {@code outOff[l]}
     * @param scratch index and value buffers of the calling thread
     */
    void forward(float[] x, int xOff, float[][] out, int[] outOff, Scratch scratch) {
        float[] in = x;
        int inOff = xOff;
        for (int l = 0; l < layers; l++) {
            forwardLayer(l, in, inOff, out[l], outOff[l], scratch);
            in = out[l];
            inOff = outOff[l];
        }
    }

    /** Layer {@code l} alone for one input: {@code out = act(bias + in * kernel)}. */
    void forwardLayer(int l, float[] in, int inOff, float[] out, int outOff, Scratch scratch) {
        int n = kernels.nonZeros(in, inOff, inputs[l], scratch.index, scratch.value);
        kernels.accumulateRows(kernel[l], strides[l], scratch.index, scratch.value, n, bias[l], 0, out, outOff);
        activate(l, out, outOff);
    }

    /** Applies layer {@code l}'s activation in place (softmax is left to the loss). */
    void activate(int l, float[] out, int outOff) {
        if (activations[l] == Activation.RELU) {
            kernels.relu(out, outOff, strides[l]);
        }
    }

    /**
     * Runs two images through the network at once, each layer's weights read once for both (see
     * {@link Kernels#accumulateRowsPair}). Gives the same values as two calls of {@link #forward}.
     */
    void forwardPair(float[] x, int xOffA, int xOffB, float[][] outA, int[] offA, float[][] outB, int[] offB,
            Scratch scratch) {
        float[] inA = x;
        float[] inB = x;
        int inOffA = xOffA;
        int inOffB = xOffB;
        for (int l = 0; l < layers; l++) {
            int n = kernels.nonZerosPair(inA, inOffA, inB, inOffB, inputs[l], scratch.index, scratch.value,
                    scratch.valueB);
            kernels.accumulateRowsPair(kernel[l], strides[l], scratch.index, scratch.value, scratch.valueB, n,
                    bias[l], 0, outA[l], offA[l], outB[l], offB[l]);
            if (activations[l] == Activation.RELU) {
                kernels.relu(outA[l], offA[l], strides[l]);
                kernels.relu(outB[l], offB[l], strides[l]);
            }
            inA = outA[l];
            inB = outB[l];
            inOffA = offA[l];
            inOffB = offB[l];
        }
    }

    /**
     * {@link #forwardPair} for prediction: the rows are listed without copying their coefficients, which
     * the kernel reads in place ({@link Kernels#accumulateInputsPair}). Same operations in the same order,
     * so the same bits as {@link #forwardPair}.
     */
    void predictPair(float[] x, int xOffA, int xOffB, float[][] outA, float[][] outB, int[] index) {
        float[] inA = x;
        float[] inB = x;
        int inOffA = xOffA;
        int inOffB = xOffB;
        for (int l = 0; l < layers; l++) {
            int n = kernels.nonZeroPositionsPair(inA, inOffA, inB, inOffB, inputs[l], index);
            kernels.accumulateInputsPair(kernel[l], strides[l], index, n, inA, inOffA, inB, inOffB, bias[l], 0,
                    outA[l], 0, outB[l], 0);
            if (activations[l] == Activation.RELU) {
                kernels.relu(outA[l], 0, strides[l]);
                kernels.relu(outB[l], 0, strides[l]);
            }
            inA = outA[l];
            inB = outB[l];
            inOffA = 0;
            inOffB = 0;
        }
    }

    /**
     * Three images through the network at once, for prediction: each layer's rows are read once for
     * the three ({@link Kernels#accumulateInputsTriple}). Layer {@code l}'s outputs go to
     * {@code out[l]} at {@code 0}, {@code stride(l)} and {@code 2 * stride(l)}. Same bits as {@link #forward}
     * on each image.
     */
    void predictTriple(float[] x, int xOffA, int xOffB, int xOffC, float[][] out, int[] index) {
        float[] in = x;
        int a = xOffA;
        int b = xOffB;
        int c = xOffC;
        for (int l = 0; l < layers; l++) {
            int s = strides[l];
            int n = kernels.nonZeroPositionsTriple(in, a, b, c, inputs[l], index);
            kernels.accumulateInputsTriple(kernel[l], s, index, n, in, a, b, c, bias[l], 0, out[l], 0, s, 2 * s);
            if (activations[l] == Activation.RELU) {
                kernels.relu(out[l], 0, 3 * s);
            }
            in = out[l];
            a = 0;
            b = s;
            c = 2 * s;
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    public Kernels kernels() {
        return kernels;
    }

    /** Number of dense layers. */
    public int layers() {
        return layers;
    }

    /** Inputs of dense layer {@code l}. */
    public int inputs(int l) {
        return inputs[l];
    }

    /** Units of dense layer {@code l}. */
    public int units(int l) {
        return units[l];
    }

    /** Row stride (padded units) of dense layer {@code l}. */
    public int stride(int l) {
        return strides[l];
    }

    /** Activation of dense layer {@code l}. */
    public Activation activation(int l) {
        return activations[l];
    }

    /** The widest layer input or stride: the size of per-thread index buffers. */
    int maxWidth() {
        int w = 0;
        for (int l = 0; l < layers; l++) {
            w = Math.max(w, Math.max(inputs[l], strides[l]));
        }
        return w;
    }

    float[] kernel(int l) {
        return kernel[l];
    }

    float[] bias(int l) {
        return bias[l];
    }

    float[] transposed(int l) {
        return transposed[l];
    }
}
