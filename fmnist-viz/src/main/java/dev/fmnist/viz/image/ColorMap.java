package dev.fmnist.viz.image;

/**
 * Maps a pixel intensity (0 = background, 255 = ink) to a colour.
 */
public enum ColorMap {
    /** Background black, ink white: the dataset as stored. */
    GREY(new int[] {0x000000, 0xffffff}),
    /** Background white, ink black: matplotlib's {@code binary}, used by the tutorial's grid of 25 images. */
    BINARY(new int[] {0xffffff, 0x000000}),
    /**
     * Dark purple to yellow, perceptually uniform: matplotlib's default map, used by the tutorial's first
     * {@code imshow}. Approximated by linear interpolation between nine of its colours.
     */
    VIRIDIS(new int[] {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30,
            0xfde725});

    private final int[] lookup = new int[256];

    ColorMap(int[] anchors) {
        for (int v = 0; v < 256; v++) {
            double position = v / 255.0 * (anchors.length - 1);
            int lo = Math.min((int) position, anchors.length - 2);
            double t = position - lo;
            lookup[v] = mix(anchors[lo], anchors[lo + 1], t);
        }
    }

    /** The 0xRRGGBB colour of an unsigned pixel value (only its low 8 bits count). */
    public int rgb(int pixel) {
        return lookup[pixel & 0xff];
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
