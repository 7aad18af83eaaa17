package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.model.Activation;

/** Activation, ReLU and Softmax as layers of their own (a final softmax is left to the loss). */
public final class ActivationOp extends Op {
    private final Activation act;
    private Exec exec;
    private final Exec.Item forwardItem = this::forwardSample;
    private final Exec.Item backwardItem = this::backwardSample;

    public ActivationOp(String name, Dims in, Activation act) {
        super(name, in, in);
        this.act = act;
    }

    @Override
    void forward(Exec e) {
        exec = e;
        e.forEach(e.n, 1, forwardItem);
    }

    @Override
    boolean beginSampleWise(Exec e) {
        exec = e;
        return true;
    }

    @Override
    void forwardSample(int s, int participant) {
        int off = s * in.size();
        System.arraycopy(x, off, y, off, in.size());
        Act.apply(exec.kernels, act, y, off, in.size());
    }

    @Override
    void backward(Exec e) {
        exec = e;
        if (dx != null) {
            e.forEach(e.n, 1, backwardItem);
        }
    }

    private void backwardSample(int s, int participant) {
        int off = s * in.size();
        System.arraycopy(dy, off, dx, off, in.size());
        Act.backward(exec.kernels, act, y, dx, off, in.size());
    }
}
