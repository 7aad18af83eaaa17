package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.training.DropoutMasks;

/**
 * Dropout as Keras applies it in training: each value is kept with probability {@code 1 - rate} and
 * then scaled by {@code 1 / (1 - rate)} (inverted dropout), or set to zero; at inference it passes
 * values through. Masks come from the API's {@link DropoutMasks}, drawn per (seed, epoch, step, layer) and
 * element, so they do not depend on the thread count and are the same on every backend.
 */
public final class DropoutOp extends Op {
    private final double rate;
    private final int layer;
    private float[] mask;
    private Exec exec;
    private long key;
    private final Exec.Item forwardItem = this::forwardSample;
    private final Exec.Item backwardItem = this::backwardSample;

    /** @param layer the layer's index in the model's layers, which selects its masks */
    public DropoutOp(String name, Dims in, double rate, int layer) {
        super(name, in, in);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.layer = layer;
    }

    @Override
    void bind(float[] input, float[] inputGradient, int capacity, int participants, boolean training) {
        super.bind(input, inputGradient, capacity, participants, training);
        mask = training ? new float[capacity * in.size()] : null;
    }

    @Override
    void forward(Exec e) {
        exec = e;
        key = DropoutMasks.key(e.context, layer);
        e.forEach(e.n, 1, forwardItem);
    }

    @Override
    boolean beginSampleWise(Exec e) {
        exec = e;
        key = DropoutMasks.key(e.context, layer);
        return true;
    }

    @Override
    void forwardSample(int s, int participant) {
        int off = s * in.size();
        if (!exec.training || rate == 0) {
            System.arraycopy(x, off, y, off, in.size());
            if (exec.training) {
                java.util.Arrays.fill(mask, off, off + in.size(), 1f);
            }
            return;
        }
        DropoutMasks.fill(key, rate, off, mask, off, in.size());
        for (int i = off; i < off + in.size(); i++) {
            y[i] = x[i] * mask[i];
        }
    }

    @Override
    void backward(Exec e) {
        if (dx != null) {
            e.forEach(e.n, 1, backwardItem);
        }
    }

    private void backwardSample(int s, int participant) {
        int off = s * in.size();
        for (int i = off; i < off + in.size(); i++) {
            dx[i] = dy[i] * mask[i];
        }
    }
}
