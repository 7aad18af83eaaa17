package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise loops of pooling and col2im on the Vector API: the same operation per element as
 * {@link Kernels}' scalar defaults ({@code Math.max}, one float add, an equality test), so the same bits.
 */
final class VectorElementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorElementwise() {
    }

    static void maxInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector.fromArray(S, dst, dOff + i).lanewise(VectorOperators.MAX, FloatVector.fromArray(S, src, sOff + i))
                    .intoArray(dst, dOff + i);
        }
        for (; i < len; i++) {
            dst[dOff + i] = Math.max(dst[dOff + i], src[sOff + i]);
        }
    }

    /** {@link Kernels#maxPool2x2}; channels in whole vectors, else the scalar loop. */
    static void maxPool2x2(float[] x, int xOff, float[] y, int yOff, int rows, int cols, int c) {
        if (c % L != 0) {
            ScalarKernels.INSTANCE.maxPool2x2(x, xOff, y, yOff, rows, cols, c);
            return;
        }
        int rowLen = 2 * cols * c;
        for (int r = 0; r < rows; r++) {
            int a = xOff + 2 * r * rowLen;
            int o = yOff + r * cols * c;
            for (int q = 0; q < cols; q++, a += 2 * c, o += c) {
                for (int ch = 0; ch < c; ch += L) {
                    FloatVector top = FloatVector.fromArray(S, x, a + ch)
                            .lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, a + c + ch));
                    FloatVector bottom = FloatVector.fromArray(S, x, a + rowLen + ch)
                            .lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, a + rowLen + c + ch));
                    top.lanewise(VectorOperators.MAX, bottom).intoArray(y, o + ch);
                }
            }
        }
    }

    /** {@link Kernels#maxPool2x2Backward}; channels in whole vectors, else the scalar loop. */
    static void maxPool2x2Backward(float[] x, int xOff, float[] y, float[] dy, int yOff, float[] dx, int rows,
            int cols, int c) {
        if (c % L != 0) {
            ScalarKernels.INSTANCE.maxPool2x2Backward(x, xOff, y, dy, yOff, dx, rows, cols, c);
            return;
        }
        FloatVector zero = FloatVector.zero(S);
        int rowLen = 2 * cols * c;
        for (int r = 0; r < rows; r++) {
            int a = xOff + 2 * r * rowLen;
            int o = yOff + r * cols * c;
            for (int q = 0; q < cols; q++, a += 2 * c, o += c) {
                for (int ch = 0; ch < c; ch += L) {
                    FloatVector m = FloatVector.fromArray(S, y, o + ch);
                    FloatVector rem = FloatVector.fromArray(S, dy, o + ch);
                    rem = route(x, a + ch, m, rem, dx, zero);
                    rem = route(x, a + c + ch, m, rem, dx, zero);
                    rem = route(x, a + rowLen + ch, m, rem, dx, zero);
                    route(x, a + rowLen + c + ch, m, rem, dx, zero);
                }
            }
        }
    }

    /** One window element of the max gradient: writes {@code 0 + (hit ? rem : 0)}, returns what is left. */
    private static FloatVector route(float[] x, int at, FloatVector m, FloatVector rem, float[] dx, FloatVector zero) {
        VectorMask<Float> hit = FloatVector.fromArray(S, x, at).compare(VectorOperators.EQ, m);
        zero.add(zero.blend(rem, hit)).intoArray(dx, at);
        return rem.blend(zero, hit);
    }

    static void addInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector.fromArray(S, dst, dOff + i).add(FloatVector.fromArray(S, src, sOff + i)).intoArray(dst, dOff + i);
        }
        for (; i < len; i++) {
            dst[dOff + i] += src[sOff + i];
        }
    }

    static void routeMax(float[] x, int xOff, float[] y, int yOff, float[] rem, int rOff, float[] dx, int dxOff,
            int len) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i + L <= len; i += L) {
            VectorMask<Float> hit = FloatVector.fromArray(S, x, xOff + i)
                    .compare(VectorOperators.EQ, FloatVector.fromArray(S, y, yOff + i));
            FloatVector r = FloatVector.fromArray(S, rem, rOff + i);
            FloatVector.fromArray(S, dx, dxOff + i).add(zero.blend(r, hit)).intoArray(dx, dxOff + i);
            r.blend(zero, hit).intoArray(rem, rOff + i);
        }
        for (; i < len; i++) {
            boolean hit = x[xOff + i] == y[yOff + i];
            dx[dxOff + i] += hit ? rem[rOff + i] : 0f;
            rem[rOff + i] = hit ? 0f : rem[rOff + i];
        }
    }
}
