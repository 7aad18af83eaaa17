package dev.fmnist.api.data;

/**
 * Labelled 28x28 grayscale images. Pixels are kept as unsigned bytes (0 = background, 255 = ink) and
 * scaled to [0, 1] only when a batch is filled, which is what the Keras tutorial forgot to do.
 *
 * <p>Implementations must be safe for concurrent reads.
 */
public interface Dataset {

    /** A short name for messages and provenance, such as {@code "fashion-mnist/train"}. */
    String name();

    /** Number of images. */
    int size();

    /** The label (0..9) of image {@code index}. */
    int label(int index);

    /**
     * Copies the {@link Images#PIXELS} raw pixels of image {@code index} into {@code dst} at
     * {@code offset}, row by row.
     */
    void copyImage(int index, byte[] dst, int offset);

    /** The raw pixels of one image, row by row. */
    default byte[] image(int index) {
        byte[] out = new byte[Images.PIXELS];
        copyImage(index, out, 0);
        return out;
    }

    /** The image at {@code index} scaled to [0, 1]. */
    default float[] scaledImage(int index) {
        return scaledImages(index, 1);
    }

    /** Images {@code from .. from+count-1}, scaled to [0, 1], one after the other. */
    default float[] scaledImages(int from, int count) {
        byte[] raw = new byte[count * Images.PIXELS];
        for (int i = 0; i < count; i++) {
            copyImage(from + i, raw, i * Images.PIXELS);
        }
        float[] out = new float[raw.length];
        Images.scale(raw, 0, out, 0, raw.length);
        return out;
    }

    /** Labels {@code from .. from+count-1}. */
    default int[] labels(int from, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = label(from + i);
        }
        return out;
    }

    /**
     * A view of images {@code from} (inclusive) to {@code to} (exclusive); a {@link Fingerprinted} data set's
     * slice is fingerprinted too, so provenance still names the files after a split.
     */
    default Dataset slice(int from, int to) {
        return SlicedDataset.of(this, from, to);
    }
}
