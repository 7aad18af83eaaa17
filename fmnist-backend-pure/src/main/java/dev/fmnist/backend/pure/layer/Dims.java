package dev.fmnist.backend.pure.layer;

/**
 * The shape of one sample between layers, channels last: {@code h x w x c}; a feature vector is
 * {@code 1 x 1 x c}.
 */
public record Dims(int h, int w, int c) {
    public Dims {
        if (h <= 0 || w <= 0 || c <= 0) {
            throw new IllegalArgumentException("non-positive dimensions " + h + "x" + w + "x" + c);
        }
        if ((long) h * w * c > Integer.MAX_VALUE / 64) {
            throw new IllegalArgumentException("layer of " + h + "x" + w + "x" + c + " values is too large");
        }
    }

    /** A feature vector of {@code n} values. */
    public static Dims vector(int n) {
        return new Dims(1, 1, n);
    }

    /** Values per sample. */
    public int size() {
        return h * w * c;
    }

    /** Positions (pixels) per sample. */
    public int positions() {
        return h * w;
    }

    @Override
    public String toString() {
        return h == 1 && w == 1 ? "(" + c + ",)" : "(" + h + ", " + w + ", " + c + ")";
    }
}
