package dev.fmnist.api.data;

/** Image geometry and pixel scaling shared by every module. */
public final class Images {
    /** Rows of a Fashion-MNIST image. */
    public static final int ROWS = 28;
    /** Columns of a Fashion-MNIST image. */
    public static final int COLS = 28;
    /** Pixels of one image, {@code ROWS * COLS}. */
    public static final int PIXELS = ROWS * COLS;

    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255f;
        }
    }

    private Images() {
    }

    /** Scales one unsigned pixel byte to [0, 1]. */
    public static float scale(byte pixel) {
        return SCALE[pixel & 0xff];
    }

    /** Scales {@code count} unsigned pixel bytes to [0, 1]. */
    public static void scale(byte[] src, int srcOffset, float[] dst, int dstOffset, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstOffset + i] = SCALE[src[srcOffset + i] & 0xff];
        }
    }
}
