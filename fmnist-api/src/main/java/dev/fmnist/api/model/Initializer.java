package dev.fmnist.api.model;

/**
 * How a parameter starts, as Keras's default initialisers do. Values are drawn by
 * {@link Initializers#glorotUniform(ModelSpec, long)}, in parameter order, from one seeded generator.
 */
public sealed interface Initializer {
    /** All zeros: biases, BatchNormalization's beta and moving mean. */
    Initializer ZEROS = new Constant(0f);
    /** All ones: BatchNormalization's gamma and moving variance. */
    Initializer ONES = new Constant(1f);

    /**
     * Glorot (Xavier) uniform in {@code [-limit, limit]}, {@code limit = sqrt(6 / (fanIn + fanOut))}; for a
     * conv kernel {@code [kh, kw, in, out]} Keras uses {@code fanIn = kh*kw*in}, {@code fanOut = kh*kw*out}.
     */
    record GlorotUniform(int fanIn, int fanOut) implements Initializer {
        /** The bound of the uniform range. */
        public double limit() {
            return Math.sqrt(6.0 / ((double) fanIn + fanOut));
        }
    }

    /** Every value the same. */
    record Constant(float value) implements Initializer {
    }
}
