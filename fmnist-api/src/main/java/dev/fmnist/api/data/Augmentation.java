package dev.fmnist.api.data;

import dev.fmnist.api.error.InvalidInputException;

/**
 * Seeded random image augmentation, as Keras's {@code RandomTranslation} (with {@code fill_mode="constant"},
 * filling with background) followed by {@code RandomFlip("horizontal")}: each training image is shifted by a
 * whole number of pixels in {@code [-maxShift, maxShift]} in each direction and mirrored left to right with
 * probability 1/2. The draws depend only on (seed, epoch, position in the epoch), never on a generator's
 * history, so every backend sees the same images and a resumed run sees what a straight run would have.
 * Applied to the raw bytes while a {@link Batch} is filled; allocates nothing.
 *
 * @param maxShift largest shift in pixels, 0 to 27
 * @param horizontalFlip whether images may be mirrored left to right
 */
public record Augmentation(int maxShift, boolean horizontalFlip) {

    public Augmentation {
        if (maxShift < 0 || maxShift >= Math.min(Images.ROWS, Images.COLS)) {
            throw new InvalidInputException("augmentation shift must be in [0, " + (Math.min(Images.ROWS, Images.COLS) - 1)
                    + "], got "
                    + maxShift);
        }
    }

    /** What {@code --augment} does: shifts of up to 2 pixels (about 7%) and horizontal flips. */
    public static Augmentation standard() {
        return new Augmentation(2, true);
    }

    /**
     * The draw for one image: a 64-bit value from the seed, the epoch (1-based) and the image's position in
     * the epoch, by SplitMix64's finaliser.
     */
    public static long key(long seed, int epoch, int position) {
        long z = seed * 0x9E3779B97F4A7C15L + ((long) epoch << 32) + position;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        // A second round, so that neighbouring positions give unrelated draws.
        z = (z + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 29);
    }

    /** The horizontal shift a key gives (positive: to the right). */
    public int shiftX(long key) {
        return draw(key, 0);
    }

    /** The vertical shift a key gives (positive: down). */
    public int shiftY(long key) {
        return draw(key, 16);
    }

    /** Whether a key mirrors the image. */
    public boolean flips(long key) {
        return horizontalFlip && (key >>> 63) != 0;
    }

    private int draw(long key, int bit) {
        int span = 2 * maxShift + 1;
        return (int) (((key >>> bit) & 0xFFFF) * span >>> 16) - maxShift;
    }

    /**
     * Transforms the image at {@code pixels[off..off+784)} in place as {@code key} says, using
     * {@code scratch} (at least {@link Images#PIXELS} bytes) as a copy of the original.
     */
    public void apply(byte[] pixels, int off, byte[] scratch, long key) {
        int dx = shiftX(key);
        int dy = shiftY(key);
        boolean flip = flips(key);
        if (dx == 0 && dy == 0 && !flip) {
            return;
        }
        int rows = Images.ROWS;
        int cols = Images.COLS;
        System.arraycopy(pixels, off, scratch, 0, Images.PIXELS);
        for (int r = 0; r < rows; r++) {
            int sr = r - dy;
            for (int c = 0; c < cols; c++) {
                int sc = (flip ? cols - 1 - c : c) - dx;
                pixels[off + r * cols + c] = sr >= 0 && sr < rows && sc >= 0 && sc < cols
                        ? scratch[sr * cols + sc] : 0;
            }
        }
    }
}
