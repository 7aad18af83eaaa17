package dev.fmnist.data.image;

import java.awt.image.BufferedImage;

/**
 * The eight orientations of the EXIF/TIFF {@code Orientation} tag (274): how the stored pixels must be
 * turned to show the picture upright. Phones store sensor rows as they come and record the turn here.
 */
public enum Orientation {
    /** 1: stored upright. */
    NORMAL(1, false),
    /** 2: mirrored left to right. */
    MIRROR_HORIZONTAL(2, false),
    /** 3: upside down. */
    ROTATE_180(3, false),
    /** 4: mirrored top to bottom. */
    MIRROR_VERTICAL(4, false),
    /** 5: stored row 0 is the left column, column 0 the top row (transposed). */
    TRANSPOSE(5, true),
    /** 6: to be turned 90 degrees clockwise (a phone held upright). */
    ROTATE_90_CW(6, true),
    /** 7: stored row 0 is the right column, column 0 the bottom row (transverse). */
    TRANSVERSE(7, true),
    /** 8: to be turned 90 degrees counter-clockwise. */
    ROTATE_270_CW(8, true);

    private final int tag;
    private final boolean swapsSides;

    Orientation(int tag, boolean swapsSides) {
        this.tag = tag;
        this.swapsSides = swapsSides;
    }

    /** The value of the EXIF tag. */
    public int tag() {
        return tag;
    }

    /** The orientation for a tag value; anything outside 1..8 (a broken tag) counts as upright. */
    public static Orientation ofTag(int value) {
        for (Orientation o : values()) {
            if (o.tag == value) {
                return o;
            }
        }
        return NORMAL;
    }

    /** Whether width and height trade places. */
    public boolean swapsSides() {
        return swapsSides;
    }

    /** The picture turned upright (the image itself when already upright). */
    public BufferedImage apply(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        int outW = swapsSides ? h : w;
        int outH = swapsSides ? w : h;
        int[] src = stored.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[src.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                dst[y * outW + x] = src[storedIndex(x, y, w, h)];
            }
        }
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, outW, outH, dst, 0, outW);
        return out;
    }

    /** Where the upright pixel (x, y) is stored, in a stored picture of {@code w x h}. */
    int storedIndex(int x, int y, int w, int h) {
        int sx;
        int sy;
        switch (this) {
            case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
            case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
            case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
            case TRANSPOSE -> { sx = y; sy = x; }
            case ROTATE_90_CW -> { sx = y; sy = h - 1 - x; }
            case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
            case ROTATE_270_CW -> { sx = w - 1 - y; sy = x; }
            default -> { sx = x; sy = y; }
        }
        return sy * w + sx;
    }
}
