package dev.fmnist.backend.pure.layer;

import java.util.ArrayList;
import java.util.List;

/**
 * BatchNormalization over the last axis as Keras 3 computes it: in training, each channel is normalised
 * with the batch's mean and biased variance, and the moving statistics become
 * {@code moving * momentum + batch * (1 - momentum)} (the biased variance too); at inference the moving
 * statistics are used. {@code y = gamma * (x - mean) / sqrt(var + epsilon) + beta}.
 *
 * <p>The statistics and the parameter gradients are sums over the batch's positions, in double, one
 * block of channels per item in position order; normalising and the input gradient go by samples.
 */
public final class BatchNormOp extends Op {
    private static final int C_CHUNK = 16;

    private final int c;
    private final double momentum;
    private final double epsilon;
    private final Param gamma;
    private final Param beta;
    private final Param movingMean;
    private final Param movingVariance;
    private final float[] mean;
    private final float[] invStd;
    private final float[] gammaUsed;
    private final double[] sumDy;
    private final double[] sumDyXhat;
    private float[] xhat;
    private Exec exec;
    private int rows;
    private final Exec.Item statsItem = this::statistics;
    private final Exec.Item normaliseItem = this::normalise;
    private final Exec.Item sumsItem = this::gradientSums;
    private final Exec.Item inputItem = this::inputGradient;

    public BatchNormOp(String name, Dims in, double momentum, double epsilon, boolean center, boolean scale) {
        super(name, in, in);
        this.c = in.c();
        this.momentum = momentum;
        this.epsilon = epsilon;
        int[] shape = {c};
        this.gamma = scale ? new Param(name + "/gamma", shape, true) : null;
        this.beta = center ? new Param(name + "/beta", shape, true) : null;
        this.movingMean = new Param(name + "/moving_mean", shape, false);
        this.movingVariance = new Param(name + "/moving_variance", shape, false);
        this.mean = new float[c];
        this.invStd = new float[c];
        this.gammaUsed = new float[c];
        this.sumDy = new double[c];
        this.sumDyXhat = new double[c];
        if (gamma != null) {
            java.util.Arrays.fill(gamma.data, 1f);
        }
        java.util.Arrays.fill(movingVariance.data, 1f);
    }

    @Override
    List<Param> params() {
        List<Param> ps = new ArrayList<>();
        if (gamma != null) {
            ps.add(gamma);
        }
        if (beta != null) {
            ps.add(beta);
        }
        ps.add(movingMean);
        ps.add(movingVariance);
        return ps;
    }

    @Override
    void bind(float[] input, float[] inputGradient, int capacity, int participants, boolean training) {
        super.bind(input, inputGradient, capacity, participants, training);
        xhat = training ? new float[capacity * in.size()] : null;
    }

    private int chunks() {
        return (c + C_CHUNK - 1) / C_CHUNK;
    }

    @Override
    void forward(Exec e) {
        exec = e;
        rows = e.n * in.positions();
        if (e.training) {
            e.forEach(chunks(), 1, statsItem);
        } else {
            movingStatistics();
        }
        e.forEach(e.n, 1, normaliseItem);
    }

    private void movingStatistics() {
        for (int ch = 0; ch < c; ch++) {
            mean[ch] = movingMean.data[ch];
            invStd[ch] = (float) (1 / Math.sqrt(movingVariance.data[ch] + epsilon));
        }
    }

    /** At inference each sample is normalised on its own (training needs the batch's statistics first). */
    @Override
    boolean beginSampleWise(Exec e) {
        if (e.training) {
            return false;
        }
        exec = e;
        rows = e.n * in.positions();
        movingStatistics();
        return true;
    }

    @Override
    void forwardSample(int s, int participant) {
        normalise(s, participant);
    }

    private void statistics(int item, int participant) {
        int c0 = item * C_CHUNK;
        int c1 = Math.min(c, c0 + C_CHUNK);
        for (int ch = c0; ch < c1; ch++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += x[r * c + ch];
            }
            double m = s / rows;
            double v = 0;
            for (int r = 0; r < rows; r++) {
                double d = x[r * c + ch] - m;
                v += d * d;
            }
            v /= rows;
            mean[ch] = (float) m;
            invStd[ch] = (float) (1 / Math.sqrt(v + epsilon));
            movingMean.data[ch] = (float) (movingMean.data[ch] * momentum + m * (1 - momentum));
            movingVariance.data[ch] = (float) (movingVariance.data[ch] * momentum + v * (1 - momentum));
        }
    }

    private void normalise(int s, int participant) {
        int off = s * in.size();
        // The backward pass reads the normalised values; a prediction has none (and no buffer for them).
        float[] saved = exec.training ? xhat : null;
        for (int q = off; q < off + in.size(); q += c) {
            for (int ch = 0; ch < c; ch++) {
                float h = (x[q + ch] - mean[ch]) * invStd[ch];
                if (saved != null) {
                    saved[q + ch] = h;
                }
                float g = gamma == null ? h : gamma.data[ch] * h;
                y[q + ch] = beta == null ? g : g + beta.data[ch];
            }
        }
    }

    @Override
    void backward(Exec e) {
        exec = e;
        rows = e.n * in.positions();
        e.forEach(chunks(), 1, sumsItem);
        if (dx != null) {
            e.forEach(e.n, 1, inputItem);
        }
    }

    private void gradientSums(int item, int participant) {
        int c0 = item * C_CHUNK;
        int c1 = Math.min(c, c0 + C_CHUNK);
        for (int ch = c0; ch < c1; ch++) {
            double sd = 0;
            double sdx = 0;
            for (int r = 0; r < rows; r++) {
                float d = dy[r * c + ch];
                sd += d;
                sdx += (double) d * xhat[r * c + ch];
            }
            sumDy[ch] = sd;
            sumDyXhat[ch] = sdx;
            gammaUsed[ch] = gamma == null ? 1f : gamma.data[ch];
            if (gamma != null) {
                gamma.grad[ch] = (float) sdx;
            }
            if (beta != null) {
                beta.grad[ch] = (float) sd;
            }
        }
        if (exec.optimizer != null) {
            if (gamma != null) {
                exec.update(gamma, c0, c1 - c0);
            }
            if (beta != null) {
                exec.update(beta, c0, c1 - c0);
            }
        }
    }

    private void inputGradient(int s, int participant) {
        int off = s * in.size();
        double inv = 1.0 / rows;
        for (int q = off; q < off + in.size(); q += c) {
            for (int ch = 0; ch < c; ch++) {
                double t = dy[q + ch] - sumDy[ch] * inv - xhat[q + ch] * sumDyXhat[ch] * inv;
                dx[q + ch] = (float) (gammaUsed[ch] * invStd[ch] * t);
            }
        }
    }
}
