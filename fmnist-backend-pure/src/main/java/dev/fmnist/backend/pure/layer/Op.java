package dev.fmnist.backend.pure.layer;

import java.util.List;

/**
 * One layer of a network over batches of channels-last samples. The network binds each op to its input
 * and gradient buffers ({@link #bind}); an op owns its output {@link #y} and the gradient {@link #dy} that
 * the op above writes into it. {@link #dx} is null when nothing below needs an input gradient.
 */
public abstract class Op {
    final String name;
    final Dims in;
    final Dims out;
    /** Input batch ({@code n x in.size()}), the previous op's output. */
    float[] x;
    /** Gradient with respect to {@link #x}, or null when no op below needs it. */
    float[] dx;
    /** Output batch ({@code n x out.size()}). */
    float[] y;
    /** Gradient with respect to {@link #y}, written by the op above (or the loss). */
    float[] dy;

    Op(String name, Dims in, Dims out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** The layer's name, such as {@code conv2d_1}. */
    public String name() {
        return name;
    }

    /** The input shape. */
    public Dims in() {
        return in;
    }

    /** The output shape. */
    public Dims out() {
        return out;
    }

    /** The parameter tensors, in Keras's order (kernel, bias; gamma, beta, moving mean, moving variance). */
    List<Param> params() {
        return List.of();
    }

    /**
     * Allocates the buffers for batches of up to {@code capacity} samples.
     *
     * @param input the previous op's output
     * @param inputGradient where to write the input gradient, or null if none is needed (always null when
     *     not training)
     * @param training whether the network will train (else it only predicts, and no buffer of the backward
     *     pass is allocated: no output gradient, no saved activations)
     */
    void bind(float[] input, float[] inputGradient, int capacity, int participants, boolean training) {
        x = input;
        dx = inputGradient;
        y = new float[capacity * out.size()];
        dy = training ? new float[capacity * out.size()] : null;
    }

    /** Computes {@link #y} from {@link #x} for {@code e.n} samples. */
    abstract void forward(Exec e);

    /**
     * Whether this op's forward pass (in {@code e}'s mode) is one independent computation per sample; if so,
     * it is prepared for {@link #forwardSample} calls, which the network may make sample by sample through
     * several such ops in a row (each sample's activations still in cache for the next op).
     */
    boolean beginSampleWise(Exec e) {
        return false;
    }

    /** Sample {@code s} of the forward pass, after {@link #beginSampleWise} returned true. */
    void forwardSample(int s, int participant) {
        throw new IllegalStateException(name + " has no sample-wise forward pass");
    }

    /**
     * From {@link #dy}: {@link #dx} (if not null) and, in training, each trainable parameter's gradient
     * followed at once by its optimizer update. Gradients use the parameters as they were in the forward pass.
     */
    abstract void backward(Exec e);
}
