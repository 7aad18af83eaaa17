package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.model.Tensor;

/**
 * How one parameter tensor (and so each of its optimizer slots) sits in the engine's padded layout:
 * {@code rows} rows of {@code columns} values in the portable layout, each padded to {@code stride}
 * floats internally.
 *
 * @param name the parameter's portable name, such as {@code dense_0/kernel}
 * @param shape its portable shape
 * @param rows rows (1 for a bias)
 * @param columns values per row in the portable layout
 * @param stride floats per row in the padded layout
 */
public record SlotLayout(String name, int[] shape, int rows, int columns, int stride) {

    /** A padded array in the portable layout, as a tensor named {@code name/slot}. */
    public Tensor toPortable(String slot, float[] padded) {
        float[] out = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(padded, r * stride, out, r * columns, columns);
        }
        return new Tensor(name + "/" + slot, shape, out);
    }

    /** Copies portable values into a padded array (padding stays zero). */
    public void fromPortable(float[] portable, float[] padded) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(portable, r * columns, padded, r * stride, columns);
        }
    }
}
