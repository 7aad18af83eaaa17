package dev.fmnist.backend.pure.layer;

/**
 * One axis of a convolution or pooling window, as TensorFlow places it: {@code valid} gives
 * {@code out = (in - size) / stride + 1} with no padding; {@code same} gives {@code out = ceil(in / stride)}
 * with {@code max((out - 1) * stride + size - in, 0)} padding, the smaller half before.
 *
 * @param size window length
 * @param stride step between windows
 * @param before padding before the first input
 * @param in input length
 * @param out output length
 */
public record Window(int size, int stride, int before, int in, int out) {

    /** The window over an axis of {@code in} values. */
    public static Window of(int in, int size, int stride, boolean same) {
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("window " + size + " and stride " + stride + " must be positive");
        }
        if (same) {
            int out = (in + stride - 1) / stride;
            int total = Math.max((out - 1) * stride + size - in, 0);
            return new Window(size, stride, total / 2, in, out);
        }
        if (in < size) {
            throw new IllegalArgumentException("window " + size + " is larger than the input " + in);
        }
        return new Window(size, stride, 0, in, (in - size) / stride + 1);
    }

    /** The input index under window offset {@code k} of output {@code o} (may be outside {@code [0, in)}). */
    public int input(int o, int k) {
        return o * stride - before + k;
    }
}
