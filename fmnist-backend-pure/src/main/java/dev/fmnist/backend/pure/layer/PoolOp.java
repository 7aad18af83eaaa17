package dev.fmnist.backend.pure.layer;

import java.util.Arrays;

/**
 * MaxPooling2D and AveragePooling2D as TensorFlow computes them, per sample and channel: the maximum or
 * the mean of the window's inputs, padding excluded in both ({@code same} padding never wins a maximum nor
 * counts in a mean). In training the forward pass records which input gave each maximum (the first one on
 * ties) for the gradient; at inference it takes the maximum with {@link Math#max} alone, which has no
 * branch to mispredict.
 */
public final class PoolOp extends Op {
    private final Window wy;
    private final Window wx;
    private final boolean max;
    private final int c;
    private int[] argmax;
    private boolean training;
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
    }

    @Override
    void bind(float[] input, float[] inputGradient, int capacity, int participants) {
        super.bind(input, inputGradient, capacity, participants);
        argmax = max ? new int[capacity * out.size()] : null;
    }

    @Override
    void forward(Exec e) {
        training = e.training;
        e.forEach(e.n, 1, forwardItem);
    }

    private void forwardSample(int s, int participant) {
        int xs = s * in.size();
        int o = s * out.size();
        for (int oy = 0; oy < out.h(); oy++) {
            int y0 = Math.max(wy.input(oy, 0), 0);
            int y1 = Math.min(wy.input(oy, wy.size()), in.h());
            for (int ox = 0; ox < out.w(); ox++, o += c) {
                int x0 = Math.max(wx.input(ox, 0), 0);
                int x1 = Math.min(wx.input(ox, wx.size()), in.w());
                if (max) {
                    Arrays.fill(y, o, o + c, Float.NEGATIVE_INFINITY);
                    if (training) {
                        Arrays.fill(argmax, o, o + c, xs + (y0 * in.w() + x0) * c);
                    }
                } else {
                    Arrays.fill(y, o, o + c, 0f);
                }
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int at = xs + (iy * in.w() + ix) * c;
                        if (max && training) {
                            for (int ch = 0; ch < c; ch++) {
                                float v = x[at + ch];
                                if (v > y[o + ch]) {
                                    y[o + ch] = v;
                                    argmax[o + ch] = at;
                                }
                            }
                        } else if (max) {
                            for (int ch = 0; ch < c; ch++) {
                                y[o + ch] = Math.max(y[o + ch], x[at + ch]);
                            }
                        } else {
                            for (int ch = 0; ch < c; ch++) {
                                y[o + ch] += x[at + ch];
                            }
                        }
                    }
                }
                if (max && training) {
                    for (int ch = 0; ch < c; ch++) {
                        argmax[o + ch] += ch;
                    }
                } else if (!max) {
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
        if (dx != null) {
            e.forEach(e.n, 1, backwardItem);
        }
    }

    private void backwardSample(int s, int participant) {
        int xs = s * in.size();
        Arrays.fill(dx, xs, xs + in.size(), 0f);
        int o = s * out.size();
        if (max) {
            for (int i = o; i < o + out.size(); i++) {
                dx[argmax[i]] += dy[i];
            }
            return;
        }
        for (int oy = 0; oy < out.h(); oy++) {
            int y0 = Math.max(wy.input(oy, 0), 0);
            int y1 = Math.min(wy.input(oy, wy.size()), in.h());
            for (int ox = 0; ox < out.w(); ox++, o += c) {
                int x0 = Math.max(wx.input(ox, 0), 0);
                int x1 = Math.min(wx.input(ox, wx.size()), in.w());
                float count = (y1 - y0) * (x1 - x0);
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int at = xs + (iy * in.w() + ix) * c;
                        for (int ch = 0; ch < c; ch++) {
                            dx[at + ch] += dy[o + ch] / count;
                        }
                    }
                }
            }
        }
    }
}
