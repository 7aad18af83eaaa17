package dev.fmnist.backend.pure.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise loops on the Vector API: ReLU and its gradient, the Adam and SGD steps (the same
 * operations in the same order as {@link ScalarKernels}, which also takes the last elements that do not
 * fill a vector), and the loops of pooling and col2im (the same operation per element as
 * {@link Kernels}' scalar defaults: {@code Math.max}, one float add, an equality test), so the same bits.
 */
final class VectorElementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** As many bytes as {@link #S} has float lanes. */
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(8 * L));

    private VectorElementwise() {
    }

    static void relu(float[] a, int off, int len) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector.fromArray(S, a, off + i).lanewise(VectorOperators.MAX, 0f).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] = Math.max(a[off + i], 0f);
        }
    }

    /**
     * Pixel bytes to {@code (b & 0xff) / 255f}: bytes widen signed, so a negative float gets 256 added
     * (exact), then one correctly rounded division, the same bits as the scalar table. About a fifth of
     * the table's time; the training step does it for every batch.
     */
    static void scalePixels(byte[] src, int sOff, float[] dst, int dOff, int len) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector f = (FloatVector) ByteVector.fromArray(BYTES, src, sOff + i)
                    .convertShape(VectorOperators.B2F, S, 0);
            f.add(256f, f.compare(VectorOperators.LT, 0f)).div(255f).intoArray(dst, dOff + i);
        }
        if (i < len) {
            ScalarKernels.INSTANCE.scalePixels(src, sOff + i, dst, dOff + i, len - i);
        }
    }

    static void reluBackward(float[] d, int dOff, float[] a, int aOff, int len) {
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i + L <= len; i += L) {
            FloatVector av = FloatVector.fromArray(S, a, aOff + i);
            FloatVector.fromArray(S, d, dOff + i).blend(zero, av.compare(VectorOperators.LE, 0f))
                    .intoArray(d, dOff + i);
        }
        for (; i < len; i++) {
            if (a[aOff + i] <= 0) {
                d[dOff + i] = 0f;
            }
        }
    }

    /**
     * One Adam step over {@code len} elements, bit for bit as {@link ScalarKernels#adam}.
     *
     * <p>Momenta go subnormal in whole columns (a hidden unit that stays inactive has a zero gradient, so
     * its momentum decays by {@code beta1} each step), and the step computed from a subnormal momentum,
     * {@code m * alpha / (sqrt(v) + epsilon)}, is subnormal arithmetic, which this hardware does slowly
     * (an Adam pass over real training state took 1.5x the time). Such a step is far below half a unit
     * in the last place of any weight above {@link #tinyStepWeightFloor}, so subtracting it leaves the
     * weight unchanged: where every lane with a subnormal (or zero) momentum has a weight that large, the
     * step is taken from a momentum with those lanes zeroed, which gives the same weights
     * ({@code KernelAgreementTest} checks it against the scalar kernel). The momentum itself is stored as
     * computed.
     */
    static void adam(float[] w, float[] m, float[] v, int off, float[] g, int gOff, int len, float alpha,
            float oneMinusBeta1, float oneMinusBeta2, float epsilon) {
        FloatVector b1 = FloatVector.broadcast(S, oneMinusBeta1);
        FloatVector b2 = FloatVector.broadcast(S, oneMinusBeta2);
        float floor = tinyStepWeightFloor(alpha, epsilon);
        boolean shortcut = !Float.isNaN(floor);
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, gOff + i);
            FloatVector mv = FloatVector.fromArray(S, m, off + i);
            FloatVector vv = FloatVector.fromArray(S, v, off + i);
            mv = gv.sub(mv).fma(b1, mv);
            vv = gv.mul(gv).sub(vv).fma(b2, vv);
            mv.intoArray(m, off + i);
            vv.intoArray(v, off + i);
            FloatVector wv = FloatVector.fromArray(S, w, off + i);
            FloatVector stepMomentum = mv;
            // Zero momenta are included: their step is zero either way (up to its sign, which only a
            // zero weight would see, and a zero weight is below the floor).
            VectorMask<Float> tiny = mv.abs().compare(VectorOperators.LT, Float.MIN_NORMAL);
            if (shortcut && tiny.anyTrue() && !tiny.and(wv.abs().compare(VectorOperators.LT, floor)).anyTrue()) {
                stepMomentum = mv.blend(0f, tiny);
            }
            FloatVector step = stepMomentum.mul(alpha).div(vv.lanewise(VectorOperators.SQRT).add(epsilon));
            wv.sub(step).intoArray(w, off + i);
        }
        if (i < len) {
            ScalarKernels.INSTANCE.adam(w, m, v, off + i, g, gOff + i, len - i, alpha, oneMinusBeta1,
                    oneMinusBeta2, epsilon);
        }
    }

    /**
     * The smallest weight magnitude from which an Adam step computed from a subnormal momentum is certain
     * to round away, or NaN (never) when {@code epsilon} does not bound the denominator.
     *
     * <p>With {@code |m| < 2^-126}, {@code p = fl(m * alpha)} has {@code |p| <= 2^-126 |alpha| (1 + 2^-24)
     * + 2^-150} (a relative rounding error, or half the smallest subnormal); the denominator
     * {@code fl(fl(sqrt v) + epsilon)} is at least {@code epsilon}; so the step
     * {@code |q| <= 2 (2^-126 |alpha| + 2^-150) / epsilon + 2^-149}. For a normal weight {@code w}, half the
     * spacing of floats next to it exceeds {@code |w| 2^-26}, so {@code w - q} rounds back to {@code w}
     * when {@code |w| >= 2^27 |q|} (the bound, doubled again for margin).
     */
    static float tinyStepWeightFloor(float alpha, float epsilon) {
        if (!(epsilon > 0) || !Float.isFinite(alpha)) {
            return Float.NaN;
        }
        double step = 2 * (0x1p-126 * Math.abs(alpha) + 0x1p-150) / epsilon + 0x1p-149;
        double floor = Math.max(Float.MIN_NORMAL, step * 0x1p27);
        return floor < Float.MAX_VALUE ? (float) floor : Float.NaN;
    }

    static void sgd(float[] w, float[] velocity, int off, float[] g, int gOff, int len, float learningRate,
            float momentum) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector vel = FloatVector.fromArray(S, velocity, off + i).mul(momentum)
                    .sub(FloatVector.fromArray(S, g, gOff + i).mul(learningRate));
            vel.intoArray(velocity, off + i);
            FloatVector.fromArray(S, w, off + i).add(vel).intoArray(w, off + i);
        }
        if (i < len) {
            ScalarKernels.INSTANCE.sgd(w, velocity, off + i, g, gOff + i, len - i, learningRate, momentum);
        }
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
