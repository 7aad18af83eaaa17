package dev.fmnist.backend.dl4j.network;

/**
 * Every difference between Keras's (channels-last) parameter layouts and DL4J's (channels-first) ones, in
 * one place, on plain row-major float arrays.
 *
 * <ul>
 * <li>Conv2D kernels: Keras {@code [kh, kw, in, out]}, DL4J {@code [out, in, kh, kw]}.</li>
 * <li>The dense kernel right after a Flatten of an {@code h x w x c} feature map: Keras flattens in
 * {@code (h, w, c)} order, DL4J's CNN-to-dense preprocessor in {@code (c, h, w)} order, so the kernel's
 * rows are permuted (its columns, the units, stay).</li>
 * </ul>
 *
 * Dense kernels elsewhere, biases and BatchNormalization vectors have the same layout in both.
 */
public final class KerasLayouts {

    private KerasLayouts() {
    }

    /** A Keras conv kernel {@code [kh, kw, in, out]} as DL4J's {@code [out, in, kh, kw]}. */
    public static float[] convKernelToDl4j(float[] keras, int kh, int kw, int in, int out) {
        checkSize(keras, kh * kw * in * out, "conv kernel");
        float[] dl4j = new float[keras.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        dl4j[((o * in + i) * kh + y) * kw + x] = keras[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return dl4j;
    }

    /** DL4J's conv kernel {@code [out, in, kh, kw]} as Keras's {@code [kh, kw, in, out]}. */
    public static float[] convKernelToKeras(float[] dl4j, int kh, int kw, int in, int out) {
        checkSize(dl4j, kh * kw * in * out, "conv kernel");
        float[] keras = new float[dl4j.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        keras[((y * kw + x) * in + i) * out + o] = dl4j[((o * in + i) * kh + y) * kw + x];
                    }
                }
            }
        }
        return keras;
    }

    /**
     * A Keras dense kernel {@code [h*w*c, units]} whose rows follow a channels-last flatten, with its rows
     * reordered for DL4J's channels-first flatten.
     */
    public static float[] flattenedRowsToDl4j(float[] keras, int h, int w, int c, int units) {
        checkSize(keras, h * w * c * units, "dense kernel after flatten");
        float[] dl4j = new float[keras.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    System.arraycopy(keras, ((y * w + x) * c + ch) * units, dl4j, ((ch * h + y) * w + x) * units,
                            units);
                }
            }
        }
        return dl4j;
    }

    /** The inverse of {@link #flattenedRowsToDl4j}. */
    public static float[] flattenedRowsToKeras(float[] dl4j, int h, int w, int c, int units) {
        checkSize(dl4j, h * w * c * units, "dense kernel after flatten");
        float[] keras = new float[dl4j.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    System.arraycopy(dl4j, ((ch * h + y) * w + x) * units, keras, ((y * w + x) * c + ch) * units,
                            units);
                }
            }
        }
        return keras;
    }

    /**
     * Channels-last activations {@code [n, h, w, c]} (such as a dropout mask) as channels-first
     * {@code [n, c, h, w]}, into {@code out}.
     */
    public static void channelsLastToFirst(float[] nhwc, int n, int h, int w, int c, float[] out) {
        int plane = h * w;
        for (int b = 0; b < n; b++) {
            int base = b * plane * c;
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[base + ch * plane + p] = nhwc[base + p * c + ch];
                }
            }
        }
    }

    private static void checkSize(float[] values, int expected, String what) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + " has " + values.length + " values, expected " + expected);
        }
    }
}
