package dev.fmnist.backend.pure.nn;

/**
 * Softmax and sparse categorical cross-entropy computed from logits with the log-sum-exp shift, so
 * large logits neither overflow nor lose the loss. A NaN or infinite logit makes the loss NaN (the
 * maximum is taken so that NaN wins), which the training loop reports as divergence.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** The largest of {@code z[off..off+n)}, or NaN if any is NaN. */
    static float max(float[] z, int off, int n) {
        float max = z[off];
        for (int c = 1; c < n; c++) {
            float v = z[off + c];
            if (!(v <= max)) { // true for NaN, so NaN propagates
                max = v;
            }
        }
        return max;
    }

    /** The index of the largest logit (the first one on ties). */
    static int argmax(float[] z, int off, int n) {
        int best = 0;
        for (int c = 1; c < n; c++) {
            if (z[off + c] > z[off + best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The cross-entropy of {@code label} under the softmax of {@code z[off..off+n)}, and its gradient
     * with respect to the logits times {@code scale}: {@code grad[gOff+c] = (p_c - [c == label]) * scale}.
     *
     * @param exps scratch of at least {@code n} doubles
     * @return {@code log(sum exp z) - z[label]}, NaN if the logits are not finite
     */
    public static double lossAndGradient(float[] z, int off, int n, int label, double scale, float[] grad,
            int gOff, double[] exps) {
        float max = max(z, off, n);
        double sum = 0;
        for (int c = 0; c < n; c++) {
            exps[c] = Math.exp((double) z[off + c] - max);
            sum += exps[c];
        }
        for (int c = 0; c < n; c++) {
            double p = exps[c] / sum;
            grad[gOff + c] = (float) ((p - (c == label ? 1 : 0)) * scale);
        }
        return max + Math.log(sum) - z[off + label];
    }

    /**
     * The softmax of {@code z[off..off+n)} into {@code p[pOff..pOff+n)}.
     *
     * @param exps scratch of at least {@code n} doubles
     */
    public static void probabilities(float[] z, int off, int n, float[] p, int pOff, double[] exps) {
        float max = max(z, off, n);
        double sum = 0;
        for (int c = 0; c < n; c++) {
            exps[c] = Math.exp((double) z[off + c] - max);
            sum += exps[c];
        }
        double scale = 1 / sum;
        for (int c = 0; c < n; c++) {
            p[pOff + c] = (float) (exps[c] * scale);
        }
    }
}
