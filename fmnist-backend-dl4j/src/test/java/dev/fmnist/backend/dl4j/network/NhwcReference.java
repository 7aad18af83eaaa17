package dev.fmnist.backend.dl4j.network;

/**
 * Keras's forward arithmetic written out as plain loops on channels-last arrays, to check DL4J's layers
 * and the layout mappings against. "same" padding puts the odd pixel of padding at the bottom and right,
 * as TensorFlow does; pooling ignores padded cells (max over, and average of, real cells only).
 */
final class NhwcReference {

    private NhwcReference() {
    }

    /** Output size along one axis. */
    static int outSize(int in, int window, int stride, boolean same) {
        return same ? (in + stride - 1) / stride : (in - window) / stride + 1;
    }

    /** Padding before the first cell along one axis. */
    static int padBefore(int in, int window, int stride, boolean same) {
        if (!same) {
            return 0;
        }
        int total = Math.max((outSize(in, window, stride, true) - 1) * stride + window - in, 0);
        return total / 2;
    }

    /** Conv2D: {@code x [h, w, c]}, kernel {@code [kh, kw, c, f]}, bias {@code [f]}; returns {@code [oh, ow, f]}. */
    static float[] conv(float[] x, int h, int w, int c, float[] kernel, float[] bias, int kh, int kw, int f,
            int stride, boolean same) {
        int oh = outSize(h, kh, stride, same);
        int ow = outSize(w, kw, stride, same);
        int top = padBefore(h, kh, stride, same);
        int left = padBefore(w, kw, stride, same);
        float[] out = new float[oh * ow * f];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int o = 0; o < f; o++) {
                    double sum = bias[o];
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int y = oy * stride + ky - top;
                            int xx = ox * stride + kx - left;
                            if (y < 0 || y >= h || xx < 0 || xx >= w) {
                                continue;
                            }
                            for (int i = 0; i < c; i++) {
                                sum += x[(y * w + xx) * c + i] * kernel[((ky * kw + kx) * c + i) * f + o];
                            }
                        }
                    }
                    out[(oy * ow + ox) * f + o] = (float) sum;
                }
            }
        }
        return out;
    }

    /** Max (or average) pooling of {@code x [h, w, c]} over real cells only. */
    static float[] pool(float[] x, int h, int w, int c, int size, int stride, boolean same, boolean max) {
        int oh = outSize(h, size, stride, same);
        int ow = outSize(w, size, stride, same);
        int top = padBefore(h, size, stride, same);
        int left = padBefore(w, size, stride, same);
        float[] out = new float[oh * ow * c];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ch = 0; ch < c; ch++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int cells = 0;
                    for (int py = 0; py < size; py++) {
                        for (int px = 0; px < size; px++) {
                            int y = oy * stride + py - top;
                            int xx = ox * stride + px - left;
                            if (y < 0 || y >= h || xx < 0 || xx >= w) {
                                continue;
                            }
                            float v = x[(y * w + xx) * c + ch];
                            acc = max ? Math.max(acc, v) : acc + v;
                            cells++;
                        }
                    }
                    out[(oy * ow + ox) * c + ch] = (float) (max ? acc : acc / cells);
                }
            }
        }
        return out;
    }

    /** Dense over a flat vector: {@code kernel [in, units]}. */
    static float[] dense(float[] x, float[] kernel, float[] bias, int units) {
        float[] out = new float[units];
        for (int u = 0; u < units; u++) {
            double sum = bias[u];
            for (int i = 0; i < x.length; i++) {
                sum += x[i] * kernel[i * units + u];
            }
            out[u] = (float) sum;
        }
        return out;
    }
}
