package dev.fmnist.backend.pure.kernel;

/**
 * The few loops that make up dense training. Rows of a matrix are {@code stride} floats long, with
 * {@code stride} a multiple of {@link #STRIDE_ALIGNMENT}; padding columns hold zeros.
 *
 * <p>Contract shared by the implementations: every output element is computed with the same
 * operations in the same order (fused multiply-add where stated), so results are bit-for-bit equal
 * across implementations and thread counts.
 */
public interface Kernels {
    /** Row strides must be multiples of this (the widest float vector, 512 bits). */
    int STRIDE_ALIGNMENT = 16;

    /**
     * Index and value arrays passed to {@link #nonZeros} and {@link #nonZerosPair} need this many
     * entries beyond {@code len}: the vector implementation writes whole groups of indices.
     */
    int INDEX_SLACK = 16;

    /** Columns covered by one call of {@link #nonZeroSampleMasks}. */
    int MASK_COLUMNS = 16;

    /** A short name for logs and benchmarks, such as {@code "vector-512"} or {@code "scalar"}. */
    String name();

    /**
     * A weighted sum of selected rows: for each column {@code c < stride},
     * {@code out[outOff+c] = init[initOff+c]} (or 0 when {@code init} is null), then for {@code i = 0..n-1}
     * in order {@code out[outOff+c] = fma(coef[i], w[rows[i]*stride + c], out[outOff+c])}.
     *
     * <p>This one loop is the forward pass ({@code rows} = the non-zero inputs), the input gradient
     * ({@code rows} = the classes) and each kernel-gradient row ({@code rows} = the samples).
     */
    void accumulateRows(float[] w, int stride, int[] rows, float[] coef, int n, float[] init, int initOff,
            float[] out, int outOff);

    /**
     * {@link #accumulateRows} for two inputs at once over the union of their non-zero rows: each row of
     * {@code w} is loaded once and feeds both sums, halving the memory traffic that bounds the first
     * layer. {@code coefA[i]} or {@code coefB[i]} may be zero (the row was non-zero for the other input
     * only); adding {@code 0 * w} leaves a sum unchanged, so each output equals what
     * {@link #accumulateRows} gives for its own non-zero rows (up to the sign of a zero).
     */
    void accumulateRowsPair(float[] w, int stride, int[] rows, float[] coefA, float[] coefB, int n, float[] init,
            int initOff, float[] outA, int outOffA, float[] outB, int outOffB);

    /**
     * {@link #accumulateRowsPair} with the coefficients read in place: {@code coefA[i] = xa[offA + rows[i]]}
     * and {@code coefB[i] = xb[offB + rows[i]]}. Same operations in the same order, so the same bits; used
     * for prediction, where the rows come from {@link #nonZeroPositionsPair} and copying the coefficients
     * out first cost more than reading them in the loop.
     */
    default void accumulateInputsPair(float[] w, int stride, int[] rows, int n, float[] xa, int offA, float[] xb,
            int offB, float[] init, int initOff, float[] outA, int outOffA, float[] outB, int outOffB) {
        accumulateInputs(w, stride, rows, n, xa, offA, init, initOff, outA, outOffA);
        accumulateInputs(w, stride, rows, n, xb, offB, init, initOff, outB, outOffB);
    }

    /**
     * {@link #accumulateInputsPair} for three inputs held in one array at {@code offA}, {@code offB} and
     * {@code offC} (the rows: where any of them is non-zero, see {@link #nonZeroPositionsTriple}), into
     * {@code out} at {@code outA}, {@code outB} and {@code outC}. Each row of {@code w} is read once for the
     * three; each output gets the same bits as {@link #accumulateRows} over its own non-zero rows.
     */
    default void accumulateInputsTriple(float[] w, int stride, int[] rows, int n, float[] x, int offA, int offB,
            int offC, float[] init, int initOff, float[] out, int outA, int outB, int outC) {
        accumulateInputs(w, stride, rows, n, x, offA, init, initOff, out, outA);
        accumulateInputs(w, stride, rows, n, x, offB, init, initOff, out, outB);
        accumulateInputs(w, stride, rows, n, x, offC, init, initOff, out, outC);
    }

    /** One input of {@link #accumulateInputsPair}, element by element. */
    private static void accumulateInputs(float[] w, int stride, int[] rows, int n, float[] x, int off, float[] init,
            int initOff, float[] out, int outOff) {
        if (init == null) {
            java.util.Arrays.fill(out, outOff, outOff + stride, 0f);
        } else {
            System.arraycopy(init, initOff, out, outOff, stride);
        }
        for (int i = 0; i < n; i++) {
            float a = x[off + rows[i]];
            int base = rows[i] * stride;
            for (int c = 0; c < stride; c++) {
                out[outOff + c] = Math.fma(a, w[base + c], out[outOff + c]);
            }
        }
    }

    /**
     * A matrix product: for {@code i < m}, {@code j < n}, with {@code A(i,q) = a[aOff + i*aRow + q*aCol]},
     * {@code B(q,j) = b[bOff + q*ldb + j]} and {@code C(i,j) = c[cOff + i*ldc + j]}:
     * {@code acc = accumulate ? C(i,j) : 0}, then for {@code q = 0..k-1} in order
     * {@code acc = fma(A(i,q), B(q,j), acc)}, and {@code C(i,j) = acc}.
     *
     * <p>Every element is one chain of fused multiply-adds over {@code q} in increasing order, so the
     * result does not depend on how callers split {@code i}, {@code j} (or {@code q} into consecutive
     * ranges with {@code accumulate}) between calls or threads. {@code aRow}/{@code aCol} give A either
     * way round: {@code (lda, 1)} for A as stored, {@code (1, lda)} for its transpose, {@code (0, 0)} for a
     * single repeated coefficient (a column sum when it is 1).
     */
    void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * Pixel bytes to floats as {@link dev.fmnist.api.data.Images#scale(byte[], int, float[], int, int)} does:
     * {@code dst[dOff+i] = (src[sOff+i] & 0xff) / 255f} for {@code i < len} (a correctly rounded division, so
     * the same bits as the table there).
     */
    default void scalePixels(byte[] src, int sOff, float[] dst, int dOff, int len) {
        dev.fmnist.api.data.Images.scale(src, sOff, dst, dOff, len);
    }

    /** {@code dst[dOff+i] = Math.max(dst[dOff+i], src[sOff+i])} for {@code i < len} (one pooling window element). */
    default void maxInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dOff + i] = Math.max(dst[dOff + i], src[sOff + i]);
        }
    }

    /**
     * 2x2 max pooling with strides 2 over {@code rows x cols} outputs of {@code c} channels, input rows of
     * {@code 2*cols*c} floats: each output is {@code Math.max} of its four inputs (the order does not matter
     * to {@code Math.max}), as the window loop computes it.
     */
    default void maxPool2x2(float[] x, int xOff, float[] y, int yOff, int rows, int cols, int c) {
        int rowLen = 2 * cols * c;
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                int a = xOff + 2 * r * rowLen + 2 * q * c;
                int o = yOff + (r * cols + q) * c;
                for (int ch = 0; ch < c; ch++) {
                    y[o + ch] = Math.max(Math.max(x[a + ch], x[a + c + ch]),
                            Math.max(x[a + rowLen + ch], x[a + rowLen + c + ch]));
                }
            }
        }
    }

    /**
     * The gradient of {@link #maxPool2x2}, written (not added) to every input of the windows: each output's
     * gradient goes to the first of its four inputs (row by row) that equals the maximum, {@code +0} to the
     * others; the values are {@code 0f + dy}, as adding to a zeroed gradient gives.
     */
    default void maxPool2x2Backward(float[] x, int xOff, float[] y, float[] dy, int yOff, float[] dx, int rows, int cols,
            int c) {
        int rowLen = 2 * cols * c;
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                int a = xOff + 2 * r * rowLen + 2 * q * c;
                int o = yOff + (r * cols + q) * c;
                for (int ch = 0; ch < c; ch++) {
                    float m = y[o + ch];
                    float rem = dy[o + ch];
                    for (int e = 0; e < 4; e++) {
                        int at = a + ch + (e >> 1) * rowLen + (e & 1) * c;
                        boolean hit = x[at] == m;
                        dx[at] = 0f + (hit ? rem : 0f);
                        rem = hit ? 0f : rem;
                    }
                }
            }
        }
    }

    /** {@code dst[dOff+i] += src[sOff+i]} for {@code i < len}, one float add each. */
    default void addInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dOff + i] += src[sOff + i];
        }
    }

    /**
     * Back through a maximum, one window element at a time in window order: where {@code x[xOff+i]} equals
     * the maximum {@code y[yOff+i]}, {@code dx[dxOff+i] += rem[rOff+i]} and {@code rem[rOff+i] = 0}, so the
     * first input that gave the maximum gets its gradient (elsewhere {@code dx} gets {@code + 0}).
     */
    default void routeMax(float[] x, int xOff, float[] y, int yOff, float[] rem, int rOff, float[] dx, int dxOff,
            int len) {
        for (int i = 0; i < len; i++) {
            boolean hit = x[xOff + i] == y[yOff + i];
            dx[dxOff + i] += hit ? rem[rOff + i] : 0f;
            rem[rOff + i] = hit ? 0f : rem[rOff + i];
        }
    }

    /**
     * {@link #gemm} whose chains start from a bias row, {@code acc = bias[biasOff + j]}, then ReLU
     * ({@code Math.max(acc, 0)}) on the result when {@code relu}: the bits of copying the bias into C,
     * {@code gemm} with {@code accumulate}, then {@link #relu}, without the two extra passes over C.
     */
    default void gemmBias(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
            float[] bias, int biasOff, float[] c, int cOff, int ldc, boolean relu) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(bias, biasOff, c, cOff + i * ldc, n);
            gemm(1, n, k, a, aOff + i * aRow, aRow, aCol, b, bOff, ldb, c, cOff + i * ldc, ldc, true);
            if (relu) {
                relu(c, cOff + i * ldc, n);
            }
        }
    }

    /** {@code a[i] = max(a[i], 0)} for {@code i} in {@code [off, off+len)} ({@link Math#max} semantics, NaN stays). */
    void relu(float[] a, int off, int len);

    /** Back through ReLU: {@code d[dOff+i] = 0} where {@code a[aOff+i] <= 0}, for {@code i < len}. */
    void reluBackward(float[] d, int dOff, float[] a, int aOff, int len);

    /**
     * One Adam step as Keras's fused op computes it, in float: {@code m += (g - m) * oneMinusBeta1} and
     * {@code v += (g*g - v) * oneMinusBeta2} (each a fused multiply-add), then
     * {@code w -= (m * alpha) / (sqrt(v) + epsilon)}, where {@code alpha} already holds
     * {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)}.
     */
    void adam(float[] w, float[] m, float[] v, int off, float[] g, int gOff, int len, float alpha,
            float oneMinusBeta1, float oneMinusBeta2, float epsilon);

    /**
     * One SGD step with classical momentum, as Keras: {@code vel = momentum*vel - lr*g}, {@code w += vel}.
     */
    void sgd(float[] w, float[] velocity, int off, float[] g, int gOff, int len, float learningRate,
            float momentum);

    /**
     * Lists the non-zero entries of {@code x[off..off+len)}: their positions relative to {@code off} in
     * {@code index} and their values in {@code value}, in increasing position. Both arrays need
     * {@code len + INDEX_SLACK} entries.
     *
     * @return how many were found
     */
    default int nonZeros(float[] x, int off, int len, int[] index, float[] value) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            float v = x[off + i];
            // Branch-free compaction: always write, advance only past non-zeros.
            index[n] = i;
            value[n] = v;
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The positions of {@link #nonZerosPair} alone (relative to the offsets, increasing), without copying
     * the values. {@code index} needs {@code len + INDEX_SLACK} entries.
     *
     * @return how many were found
     */
    default int nonZeroPositionsPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            index[n] = i;
            n += (xa[offA + i] != 0 | xb[offB + i] != 0) ? 1 : 0;
        }
        return n;
    }

    /**
     * The positions (relative to the offsets, increasing) where any of {@code x[offA..offA+len)},
     * {@code x[offB..offB+len)} and {@code x[offC..offC+len)} is non-zero. {@code index} needs
     * {@code len + INDEX_SLACK} entries.
     *
     * @return how many were found
     */
    default int nonZeroPositionsTriple(float[] x, int offA, int offB, int offC, int len, int[] index) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            index[n] = i;
            n += (x[offA + i] != 0 | x[offB + i] != 0 | x[offC + i] != 0) ? 1 : 0;
        }
        return n;
    }

    /**
     * Which samples are non-zero at each of {@link #MASK_COLUMNS} consecutive columns: for {@code j <
     * MASK_COLUMNS} and {@code s < count}, bit {@code s % 32} of {@code masks[(s / 32) * MASK_COLUMNS + j]} is
     * set iff {@code x[s * xStride + from + j] != 0} (-0.0 counts as zero); the other bits of the
     * {@code ceil(count / 32) * MASK_COLUMNS} words written are clear. Every sample must have the
     * {@link #MASK_COLUMNS} columns: {@code from + MASK_COLUMNS <= xStride}.
     *
     * <p>The gradient of a dense kernel row is a sum over the samples whose input is non-zero there;
     * building that list sample by sample cost more than the sum itself, while these masks take a few
     * vector operations per sample for a whole block of rows.
     */
    default void nonZeroSampleMasks(float[] x, int xStride, int from, int count, int[] masks) {
        java.util.Arrays.fill(masks, 0, ((count + 31) >>> 5) * MASK_COLUMNS, 0);
        for (int s = 0; s < count; s++) {
            int base = (s >>> 5) * MASK_COLUMNS;
            for (int j = 0; j < MASK_COLUMNS; j++) {
                if (x[s * xStride + from + j] != 0) {
                    masks[base + j] |= 1 << (s & 31);
                }
            }
        }
    }

    /** How many of {@code x[off..off+len)} are non-zero (-0.0 counts as zero). */
    default int nonZeroCount(float[] x, int off, int len) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            n += x[i] != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Lists the positions where {@code xa[offA..offA+len)} or {@code xb[offB..offB+len)} is non-zero, with
     * both inputs' values there (one of them may be zero), in increasing position. The arrays need
     * {@code len + INDEX_SLACK} entries.
     *
     * @return how many were found
     */
    default int nonZerosPair(float[] xa, int offA, float[] xb, int offB, int len, int[] index, float[] valueA,
            float[] valueB) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            float a = xa[offA + i];
            float b = xb[offB + i];
            index[n] = i;
            valueA[n] = a;
            valueB[n] = b;
            n += (a != 0 | b != 0) ? 1 : 0;
        }
        return n;
    }
}
