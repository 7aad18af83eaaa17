package dev.fmnist.backend.dl4j.network;

/**
 * Where one portable parameter lives in the DL4J network and how its layout differs.
 *
 * @param name the portable name, such as {@code conv2d/kernel}
 * @param key DL4J's parameter key, such as {@code 0_W}
 * @param kind how the values are laid out in DL4J
 * @param dims the portable shape's dimensions the mapping needs: conv {@code [kh, kw, in, out]}; dense after
 *     a channels-first flatten {@code [h, w, c, units]}; otherwise the portable shape
 */
record ParamBinding(String name, String key, Kind kind, int[] dims) {

    /** The layout difference. */
    enum Kind {
        /** The same shape and order; vectors are DL4J row vectors {@code [1, n]}. */
        SAME,
        /** A conv kernel, see {@link KerasLayouts#convKernelToDl4j}. */
        CONV_KERNEL,
        /** A dense kernel whose rows follow a channels-first flatten, see {@link KerasLayouts#flattenedRowsToDl4j}. */
        FLATTENED_ROWS
    }

    /** DL4J's shape for the parameter. */
    long[] dl4jShape() {
        return switch (kind) {
            case CONV_KERNEL -> new long[] {dims[3], dims[2], dims[0], dims[1]};
            case FLATTENED_ROWS -> new long[] {(long) dims[0] * dims[1] * dims[2], dims[3]};
            case SAME -> dims.length == 1 ? new long[] {1, dims[0]} : new long[] {dims[0], dims[1]};
        };
    }

    /** Portable values to DL4J's row-major order for {@link #dl4jShape()}. */
    float[] toDl4j(float[] portable) {
        return switch (kind) {
            case CONV_KERNEL -> KerasLayouts.convKernelToDl4j(portable, dims[0], dims[1], dims[2], dims[3]);
            case FLATTENED_ROWS -> KerasLayouts.flattenedRowsToDl4j(portable, dims[0], dims[1], dims[2], dims[3]);
            case SAME -> portable;
        };
    }

    /** DL4J's row-major values back to the portable layout. */
    float[] toPortable(float[] dl4j) {
        return switch (kind) {
            case CONV_KERNEL -> KerasLayouts.convKernelToKeras(dl4j, dims[0], dims[1], dims[2], dims[3]);
            case FLATTENED_ROWS -> KerasLayouts.flattenedRowsToKeras(dl4j, dims[0], dims[1], dims[2], dims[3]);
            case SAME -> dl4j;
        };
    }
}
