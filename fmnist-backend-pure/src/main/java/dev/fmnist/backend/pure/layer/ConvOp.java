package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.model.Activation;
import java.util.Arrays;
import java.util.List;

/**
 * Conv2D as Keras computes it (cross-correlation, kernel {@code [kh, kw, in, filters]}, TensorFlow's
 * {@code same} or {@code valid} placement), by im2col and {@link dev.fmnist.backend.pure.kernel.Kernels#gemm}:
 * each sample's windows are laid out as the rows of a {@code positions x (kh*kw*in)} matrix (kept for the
 * kernel gradient; when predicting, one sample at a time in each thread's own buffer), which times the
 * kernel, itself a {@code (kh*kw*in) x filters} matrix in Keras's layout, gives the output. Thin inputs
 * (the picture's one channel) are gathered from a zero-padded copy of the sample through a table of offsets.
 *
 * <p>Threads split the forward pass and the input gradient by samples, and the kernel gradient by
 * blocks of its rows and columns, each a sum over the whole batch's positions in order (in blocks of
 * {@link #P_BLOCK} positions that stay in cache): no sum depends on the split.
 */
public final class ConvOp extends Op {
    /** Positions per block of the kernel gradient's sum. */
    static final int P_BLOCK = 256;
    private static final int K_CHUNK = 16;
    /**
     * Kernel-gradient chunks per item, summed together position block by position block, so that a block
     * of the im2col matrix is read from memory once for the group rather than once per chunk.
     */
    private static final int K_GROUP = 3;
    private static final float[] ONE = {1f};
    private static final int THIN = 4;

    private final Window wy;
    private final Window wx;
    private final int cin;
    private final int filters;
    private final int k;
    private final int p;
    private final Activation act;
    private final Param kernel;
    private final Param bias;
    private final int kChunks;
    private final int kGroups;
    private final int jWidth;
    private final int jChunks;
    private float[] col;
    /** Each thread's windows of one sample when predicting: nothing is kept, so they stay in its cache. */
    private float[][] window;
    private float[] wt;
    /**
     * For thin inputs (fewer than {@link #THIN} channels, such as the picture itself), where each window
     * row is a handful of floats: each window element's offset in the sample surrounded by its zero
     * padding ({@link #padded}, {@link #paddedWidth} wide), so im2col is one gather per element without
     * a boundary test.
     */
    private final int[] source;
    private final int padTop;
    private final int padLeft;
    private final int paddedWidth;
    private float[][] padded;
    private float[][] dcol;
    private Exec exec;
    private final Exec.Item forwardItem = this::forwardSample;
    private final Exec.Item inputItem = this::inputGradient;
    private final Exec.Item paramItem = this::parameterGradient;

    /**
     * @param same TensorFlow's {@code same} padding, else {@code valid}
     * @param useBias whether there is a bias
     */
    public ConvOp(String name, Dims in, int filters, int kh, int kw, int sh, int sw, boolean same,
            Activation act, boolean useBias) {
        this(name, in, filters, Window.of(in.h(), kh, sh, same), Window.of(in.w(), kw, sw, same), act, useBias);
    }

    private ConvOp(String name, Dims in, int filters, Window wy, Window wx, Activation act, boolean useBias) {
        super(name, in, new Dims(wy.out(), wx.out(), filters));
        this.wy = wy;
        this.wx = wx;
        this.cin = in.c();
        this.filters = filters;
        this.k = wy.size() * wx.size() * cin;
        this.p = out.positions();
        this.act = act;
        this.kernel = new Param(name + "/kernel", new int[] {wy.size(), wx.size(), cin, filters}, true);
        this.bias = useBias ? new Param(name + "/bias", new int[] {filters}, true) : null;
        this.kChunks = (k + K_CHUNK - 1) / K_CHUNK;
        this.kGroups = (kChunks + K_GROUP - 1) / K_GROUP;
        this.jWidth = filters >= 64 ? 64 : 16;
        this.jChunks = (filters + jWidth - 1) / jWidth;
        this.padTop = Math.max(0, -wy.input(0, 0));
        this.padLeft = Math.max(0, -wx.input(0, 0));
        this.paddedWidth = padLeft + Math.max(in.w(), wx.input(out.w() - 1, wx.size() - 1) + 1);
        this.source = cin < THIN ? sources() : null;
    }

    private int[] sources() {
        int[] at = new int[p * wy.size() * wx.size()];
        int i = 0;
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                for (int ky = 0; ky < wy.size(); ky++) {
                    int iy = wy.input(oy, ky);
                    for (int kx = 0; kx < wx.size(); kx++) {
                        int ix = wx.input(ox, kx);
                        at[i++] = ((iy + padTop) * paddedWidth + ix + padLeft) * cin;
                    }
                }
            }
        }
        return at;
    }

    @Override
    List<Param> params() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    void bind(float[] input, float[] inputGradient, int capacity, int participants, boolean training) {
        super.bind(input, inputGradient, capacity, participants, training);
        // The whole batch's im2col is kept for the kernel gradient; predicting needs one sample's windows.
        col = training ? new float[Math.multiplyExact(capacity * p, k)] : null;
        window = new float[participants][p * k];
        if (source != null) {
            int rows = padTop + Math.max(in.h(), wy.input(out.h() - 1, wy.size() - 1) + 1);
            padded = new float[participants][rows * paddedWidth * cin];
        }
        wt = inputGradient == null ? null : new float[filters * k];
        dcol = inputGradient == null ? null : new float[participants][p * k];
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
        // Training keeps every sample's windows for the kernel gradient; prediction reuses one buffer per thread.
        float[] a = exec.training ? col : window[participant];
        int aOff = exec.training ? s * p * k : 0;
        im2col(s, participant, a, aOff);
        int yOff = s * p * filters;
        if (bias != null) {
            boolean relu = act == Activation.RELU;
            exec.kernels.gemmBias(p, filters, k, a, aOff, k, 1, kernel.data, 0, filters, bias.data, 0, y, yOff,
                    filters, relu);
            if (!relu) {
                Act.apply(exec.kernels, act, y, yOff, p * filters);
            }
            return;
        }
        exec.kernels.gemm(p, filters, k, a, aOff, k, 1, kernel.data, 0, filters, y, yOff, filters, false);
        Act.apply(exec.kernels, act, y, yOff, p * filters);
    }

    /** Sample {@code s}'s windows as the rows of {@code col} from {@code row}: {@code (ky, kx, c)} in Keras's kernel order. */
    private void im2col(int s, int participant, float[] col, int row) {
        if (source != null) {
            gather(s, padded[participant], col, row);
            return;
        }
        int inW = in.w();
        int xs = s * in.size();
        int span = wx.size() * cin;
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                int q = row;
                int ix0 = wx.input(ox, 0);
                boolean inside = ix0 >= 0 && ix0 + wx.size() <= inW;
                for (int ky = 0; ky < wy.size(); ky++) {
                    int iy = wy.input(oy, ky);
                    if (iy < 0 || iy >= in.h()) {
                        Arrays.fill(col, q, q + span, 0f);
                    } else if (inside) {
                        copy(x, xs + (iy * inW + ix0) * cin, col, q, span);
                    } else {
                        for (int kx = 0; kx < wx.size(); kx++) {
                            int ix = ix0 + kx;
                            int at = q + kx * cin;
                            if (ix < 0 || ix >= inW) {
                                Arrays.fill(col, at, at + cin, 0f);
                            } else {
                                copy(x, xs + (iy * inW + ix) * cin, col, at, cin);
                            }
                        }
                    }
                    q += span;
                }
                row += k;
            }
        }
    }

    /** {@link #im2col} for thin inputs, through the sample copied into its padding ({@link #source}). */
    private void gather(int s, float[] pad, float[] col, int row) {
        int span = in.w() * cin;
        for (int iy = 0; iy < in.h(); iy++) {
            // The padding around stays zero: only the interior is ever written.
            System.arraycopy(x, s * in.size() + iy * span, pad, ((iy + padTop) * paddedWidth + padLeft) * cin, span);
        }
        int[] at = source;
        if (cin == 1) {
            for (int i = 0; i < at.length; i++) {
                col[row + i] = pad[at[i]];
            }
            return;
        }
        int q = row;
        for (int from : at) {
            for (int c = 0; c < cin; c++) {
                col[q++] = pad[from + c];
            }
        }
    }

    /** A copy that stays a plain loop for the short spans of thin inputs (a 3x3 window of one channel is 3 floats). */
    private static void copy(float[] src, int from, float[] dst, int to, int len) {
        if (len >= 32) {
            System.arraycopy(src, from, dst, to, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            dst[to + i] = src[from + i];
        }
    }

    @Override
    void backward(Exec e) {
        exec = e;
        if (dx != null) {
            float[] w = kernel.data;
            for (int q = 0; q < k; q++) {
                for (int f = 0; f < filters; f++) {
                    wt[f * k + q] = w[q * filters + f];
                }
            }
        }
        e.forEach(e.n, 1, inputItem);
        if (e.optimizer != null) {
            e.forEach(kGroups * jChunks + (bias != null ? 1 : 0), 1, paramItem);
        }
    }

    private void inputGradient(int s, int participant) {
        int yOff = s * p * filters;
        Act.backward(exec.kernels, act, y, dy, yOff, p * filters);
        if (dx == null) {
            return;
        }
        float[] dc = dcol[participant];
        exec.kernels.gemm(p, k, filters, dy, yOff, filters, 1, wt, 0, k, dc, 0, k, false);
        col2im(dc, s);
    }

    /** Adds each window's gradient back onto the input positions it came from, in window order. */
    private void col2im(float[] dc, int s) {
        int inW = in.w();
        int xs = s * in.size();
        Arrays.fill(dx, xs, xs + in.size(), 0f);
        int row = 0;
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                int q = row;
                for (int ky = 0; ky < wy.size(); ky++) {
                    int iy = wy.input(oy, ky);
                    for (int kx = 0; kx < wx.size(); kx++) {
                        int ix = wx.input(ox, kx);
                        if (iy >= 0 && iy < in.h() && ix >= 0 && ix < inW) {
                            exec.kernels.addInto(dx, xs + (iy * inW + ix) * cin, dc, q, cin);
                        }
                        q += cin;
                    }
                }
                row += k;
            }
        }
    }

    private void parameterGradient(int item, int participant) {
        int rows = exec.n * p;
        if (item == kGroups * jChunks) {
            for (int p0 = 0; p0 < rows; p0 += P_BLOCK) {
                int len = Math.min(P_BLOCK, rows - p0);
                exec.kernels.gemm(1, filters, len, ONE, 0, 0, 0, dy, p0 * filters, filters, bias.grad, 0, filters,
                        p0 > 0);
            }
            exec.update(bias, 0, filters);
            return;
        }
        int g0 = item / jChunks * K_GROUP * K_CHUNK;
        int g1 = Math.min(k, g0 + K_GROUP * K_CHUNK);
        int j0 = item % jChunks * jWidth;
        int jn = Math.min(jWidth, filters - j0);
        for (int p0 = 0; p0 < rows; p0 += P_BLOCK) {
            int len = Math.min(P_BLOCK, rows - p0);
            for (int k0 = g0; k0 < g1; k0 += K_CHUNK) {
                int kr = Math.min(K_CHUNK, g1 - k0);
                exec.kernels.gemm(kr, jn, len, col, p0 * k + k0, 1, k, dy, p0 * filters + j0, filters, kernel.grad,
                        k0 * filters + j0, filters, p0 > 0);
            }
        }
        for (int r = g0; r < g1; r++) {
            exec.update(kernel, r * filters + j0, jn);
        }
    }
}
