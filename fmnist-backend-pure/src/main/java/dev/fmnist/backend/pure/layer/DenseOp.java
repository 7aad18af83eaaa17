package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.model.Activation;
import java.util.List;

/**
 * Dense as Keras computes it: over the last axis ({@code units} outputs per position; a flattened input
 * has one position), kernel {@code [in, units]}. The forward pass is split by blocks of rows and output
 * columns, the input gradient ({@code dx^T = W dy^T}, so that the kernel is read as stored) by blocks of
 * inputs, and the kernel gradient ({@code x^T dy}) by blocks of kernel rows, each updated at once.
 */
public final class DenseOp extends Op {
    private static final int BLOCK = 64;
    private static final int K_BLOCK = 256;
    private static final int ROW_CHUNK = 16;
    private static final float[] ONE = {1f};

    private final int inputs;
    private final int units;
    private final int perSample;
    private final Activation act;
    private final Param kernel;
    private final Param bias;
    private float[] dyT;
    private float[] dxT;
    private Exec exec;
    private int rows;
    private final Exec.Item forwardItem = this::forwardBlock;
    private final Exec.Item inputItem = this::inputBlock;
    private final Exec.Item paramItem = this::parameterRows;

    public DenseOp(String name, Dims in, int units, Activation act, boolean useBias) {
        super(name, in, in.h() == 1 && in.w() == 1 ? Dims.vector(units) : new Dims(in.h(), in.w(), units));
        this.inputs = in.c();
        this.units = units;
        this.perSample = in.positions();
        this.act = act;
        this.kernel = new Param(name + "/kernel", new int[] {inputs, units}, true);
        this.bias = useBias ? new Param(name + "/bias", new int[] {units}, true) : null;
    }

    @Override
    List<Param> params() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    void bind(float[] input, float[] inputGradient, int capacity, int participants, boolean training) {
        super.bind(input, inputGradient, capacity, participants, training);
        if (inputGradient != null) {
            dyT = new float[capacity * perSample * units];
            dxT = new float[capacity * perSample * inputs];
        }
    }

    private static int blocks(int n, int size) {
        return (n + size - 1) / size;
    }

    @Override
    void forward(Exec e) {
        exec = e;
        rows = e.n * perSample;
        e.forEach(blocks(rows, BLOCK) * blocks(units, BLOCK), 1, forwardItem);
    }

    private void forwardBlock(int item, int participant) {
        int jBlocks = blocks(units, BLOCK);
        int r0 = item / jBlocks * BLOCK;
        int rn = Math.min(BLOCK, rows - r0);
        int j0 = item % jBlocks * BLOCK;
        int jn = Math.min(BLOCK, units - j0);
        boolean withBias = bias != null;
        if (withBias) {
            for (int r = r0; r < r0 + rn; r++) {
                System.arraycopy(bias.data, j0, y, r * units + j0, jn);
            }
        }
        for (int k0 = 0; k0 < inputs; k0 += K_BLOCK) {
            int kn = Math.min(K_BLOCK, inputs - k0);
            exec.kernels.gemm(rn, jn, kn, x, r0 * inputs + k0, inputs, 1, kernel.data, k0 * units + j0, units, y,
                    r0 * units + j0, units, withBias || k0 > 0);
        }
        for (int r = r0; r < r0 + rn; r++) {
            Act.apply(exec.kernels, act, y, r * units + j0, jn);
        }
    }

    @Override
    void backward(Exec e) {
        exec = e;
        rows = e.n * perSample;
        Act.backward(exec.kernels, act, y, dy, 0, rows * units);
        if (dx != null) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < units; j++) {
                    dyT[j * rows + r] = dy[r * units + j];
                }
            }
            e.forEach(blocks(inputs, BLOCK), 1, inputItem);
        }
        if (e.optimizer != null) {
            e.forEach(blocks(inputs, ROW_CHUNK) + (bias != null ? 1 : 0), 1, paramItem);
        }
    }

    private void inputBlock(int item, int participant) {
        int i0 = item * BLOCK;
        int in = Math.min(BLOCK, inputs - i0);
        exec.kernels.gemm(in, rows, units, kernel.data, i0 * units, units, 1, dyT, 0, rows, dxT, i0 * rows, rows,
                false);
        for (int r = 0; r < rows; r++) {
            int at = r * inputs;
            for (int i = i0; i < i0 + in; i++) {
                dx[at + i] = dxT[i * rows + r];
            }
        }
    }

    private void parameterRows(int item, int participant) {
        int i0 = item * ROW_CHUNK;
        if (i0 >= inputs) {
            exec.kernels.gemm(1, units, rows, ONE, 0, 0, 0, dy, 0, units, bias.grad, 0, units, false);
            exec.update(bias, 0, units);
            return;
        }
        int in = Math.min(ROW_CHUNK, inputs - i0);
        exec.kernels.gemm(in, units, rows, x, i0, 1, inputs, dy, 0, units, kernel.grad, i0 * units, units, false);
        exec.update(kernel, i0 * units, in * units);
    }
}
