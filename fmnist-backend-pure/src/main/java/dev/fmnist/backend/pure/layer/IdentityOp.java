package dev.fmnist.backend.pure.layer;

/**
 * InputLayer, Flatten and Reshape: the values stay where they are (channels last is Keras's flattening
 * order), only the shape changes, so the output and its gradient are the input's own buffers.
 */
public final class IdentityOp extends Op {

    public IdentityOp(String name, Dims in, Dims out) {
        super(name, in, out);
        if (in.size() != out.size()) {
            throw new IllegalArgumentException(name + ": cannot reshape " + in + " to " + out);
        }
    }

    @Override
    void bind(float[] input, float[] inputGradient, int capacity, int participants, boolean training) {
        x = input;
        dx = inputGradient;
        y = input;
        dy = inputGradient;
    }

    @Override
    void forward(Exec e) {
        // nothing moves
    }

    @Override
    boolean beginSampleWise(Exec e) {
        return true;
    }

    @Override
    void forwardSample(int s, int participant) {
        // nothing moves
    }

    @Override
    void backward(Exec e) {
        // the gradient is already in place
    }
}
