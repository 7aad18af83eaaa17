package dev.fmnist.backend.pure.layer;

/** GlobalAveragePooling2D: each channel's mean over the sample's positions, a vector of {@code c} values. */
public final class GlobalAveragePoolOp extends Op {
    private final Exec.Item forwardItem = this::forwardSample;
    private final Exec.Item backwardItem = this::backwardSample;

    public GlobalAveragePoolOp(String name, Dims in) {
        super(name, in, Dims.vector(in.c()));
    }

    @Override
    void forward(Exec e) {
        e.forEach(e.n, 1, forwardItem);
    }

    @Override
    boolean beginSampleWise(Exec e) {
        return true;
    }

    @Override
    void forwardSample(int s, int participant) {
        int c = in.c();
        int xs = s * in.size();
        int o = s * c;
        java.util.Arrays.fill(y, o, o + c, 0f);
        for (int q = 0; q < in.positions(); q++) {
            for (int ch = 0; ch < c; ch++) {
                y[o + ch] += x[xs + q * c + ch];
            }
        }
        float count = in.positions();
        for (int ch = 0; ch < c; ch++) {
            y[o + ch] /= count;
        }
    }

    @Override
    void backward(Exec e) {
        if (dx != null) {
            e.forEach(e.n, 1, backwardItem);
        }
    }

    private void backwardSample(int s, int participant) {
        int c = in.c();
        int xs = s * in.size();
        float count = in.positions();
        for (int q = 0; q < in.positions(); q++) {
            for (int ch = 0; ch < c; ch++) {
                dx[xs + q * c + ch] = dy[s * c + ch] / count;
            }
        }
    }
}
