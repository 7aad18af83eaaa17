package dev.fmnist.backend.pure.layer;

import java.util.Arrays;

/**
 * MaxPooling2D and AveragePooling2D as TensorFlow computes them, per sample and channel: the maximum or
 * the mean of the window's inputs, padding excluded in both ({@code same} padding never wins a maximum nor
 * counts in a mean). Each window element is one vector loop over the channels ({@code Kernels.maxInto},
 * {@code addInto}). The max gradient goes to the first input of the window equal to the maximum, found
 * again in the backward pass ({@code Kernels.routeMax}) rather than recorded: no branch per value, no
 * index array.
 */
public final class PoolOp extends Op {
    private final Window wy;
    private final Window wx;
    private final boolean max;
    private final int c;
    private final boolean fast;
    private float[][] remaining;
    private Exec exec;
    private final Exec.Item forwardItem = this::forwardSample;
    private final Exec.Item backwardItem = this::backwardSample;

    /** @param max max pooling, else average pooling */
    public PoolOp(String name, Dims in, int ph, int pw, int sh, int sw, boolean same, boolean max) {
        this(name, in, Window.of(in.h(), ph, sh, same), Window.of(in.w(), pw, sw, same), max);
    }

    private PoolOp(String name, Dims in, Window wy, Window wx, boolean max) {
        super(name, in, new Dims(wy.out(), wx.out(), in.c()));
        this.wy = wy;
        this.wx = wx;
        this.max = max;
        this.c = in.c();
        this.fast = halving();
    }

    @Override
    void bind(float[] input, float[] inputGradient, int capacity, int participants, boolean training) {
        super.bind(input, inputGradient, capacity, participants, training);
        remaining = max && inputGradient != null ? new float[participants][c] : null;
    }

    @Override
    void forward(Exec e) {
        exec = e;
        e.forEach(e.n, 1, forwardItem);
    }

    /** 2x2 max pooling with strides 2 that covers every input (even sizes): one kernel call per sample. */
    private boolean halving() {
        return max && wy.size() == 2 && wx.size() == 2 && wy.stride() == 2 && wx.stride() == 2
                && in.h() == 2 * out.h() && in.w() == 2 * out.w();
    }

    @Override
    boolean beginSampleWise(Exec e) {
        exec = e;
        return true;
    }

    @Override
    void forwardSample(int s, int participant) {
        int xs = s * in.size();
        int o = s * out.size();
        if (fast) {
            exec.kernels.maxPool2x2(x, xs, y, o, out.h(), out.w(), c);
            return;
        }
        for (int oy = 0; oy < out.h(); oy++) {
            int y0 = Math.max(wy.input(oy, 0), 0);
            int y1 = Math.min(wy.input(oy, wy.size()), in.h());
            for (int ox = 0; ox < out.w(); ox++, o += c) {
                int x0 = Math.max(wx.input(ox, 0), 0);
                int x1 = Math.min(wx.input(ox, wx.size()), in.w());
                Arrays.fill(y, o, o + c, max ? Float.NEGATIVE_INFINITY : 0f);
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int at = xs + (iy * in.w() + ix) * c;
                        if (max) {
                            exec.kernels.maxInto(y, o, x, at, c);
                        } else {
                            exec.kernels.addInto(y, o, x, at, c);
                        }
                    }
                }
                if (!max) {
                    float count = (y1 - y0) * (x1 - x0);
                    for (int ch = 0; ch < c; ch++) {
                        y[o + ch] /= count;
                    }
                }
            }
        }
    }

    @Override
    void backward(Exec e) {
        exec = e;
        if (dx != null) {
            e.forEach(e.n, 1, backwardItem);
        }
    }

    private void backwardSample(int s, int participant) {
        int xs = s * in.size();
        if (fast) {
            exec.kernels.maxPool2x2Backward(x, xs, y, dy, s * out.size(), dx, out.h(), out.w(), c);
            return;
        }
        Arrays.fill(dx, xs, xs + in.size(), 0f);
        int o = s * out.size();
        float[] rem = max ? remaining[participant] : null;
        for (int oy = 0; oy < out.h(); oy++) {
            int y0 = Math.max(wy.input(oy, 0), 0);
            int y1 = Math.min(wy.input(oy, wy.size()), in.h());
            for (int ox = 0; ox < out.w(); ox++, o += c) {
                int x0 = Math.max(wx.input(ox, 0), 0);
                int x1 = Math.min(wx.input(ox, wx.size()), in.w());
                float count = (y1 - y0) * (x1 - x0);
                if (max) {
                    System.arraycopy(dy, o, rem, 0, c);
                }
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int at = xs + (iy * in.w() + ix) * c;
                        if (max) {
                            exec.kernels.routeMax(x, at, y, o, rem, 0, dx, at, c);
                        } else {
                            for (int ch = 0; ch < c; ch++) {
                                dx[at + ch] += dy[o + ch] / count;
                            }
                        }
                    }
                }
            }
        }
    }
}
