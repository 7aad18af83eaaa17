package dev.fmnist.data.image;

/**
 * Binary morphology on masks ({@code boolean[]} row by row) with square structuring elements, and hole
 * filling. Opening removes specks and hairlines of noise smaller than the element; closing bridges small gaps
 * inside a garment (thin seams, a low-contrast stripe); filling holes keeps dim parts enclosed by the outline.
 * Dilation and erosion run on masks packed 64 pixels to a word ({@link PackedMask}); outside the picture
 * counts as background for dilation and as object for erosion, so objects touching the border are not eaten
 * from outside.
 */
final class Morphology {
    private Morphology() {
    }

    /** Erosion then dilation: removes whatever a {@code (2r+1)} square does not fit into. */
    static boolean[] open(boolean[] mask, int w, int h, int r) {
        return PackedMask.of(mask, w, h).erode(r).dilate(r).toBooleans();
    }

    /** Dilation then erosion: closes gaps narrower than a {@code (2r+1)} square. */
    static boolean[] close(boolean[] mask, int w, int h, int r) {
        return PackedMask.of(mask, w, h).dilate(r).erode(r).toBooleans();
    }

    /** {@link #close} of {@link #open}, in one packing: the segmentation's clean-up. */
    static boolean[] openThenClose(boolean[] mask, int w, int h, int open, int close) {
        return PackedMask.of(mask, w, h).erode(open).dilate(open).dilate(close).erode(close).toBooleans();
    }

    static boolean[] dilate(boolean[] mask, int w, int h, int r) {
        return PackedMask.of(mask, w, h).dilate(r).toBooleans();
    }

    static boolean[] erode(boolean[] mask, int w, int h, int r) {
        return PackedMask.of(mask, w, h).erode(r).toBooleans();
    }

    /** The mask with every background region not connected (4-neighbours) to the picture's edge set. */
    static boolean[] fillHoles(boolean[] mask, int w, int h) {
        boolean[] outside = new boolean[mask.length];
        int[] stack = new int[mask.length];
        int top = 0;
        for (int x = 0; x < w; x++) {
            top = seed(mask, outside, stack, top, x);
            top = seed(mask, outside, stack, top, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            top = seed(mask, outside, stack, top, y * w);
            top = seed(mask, outside, stack, top, y * w + w - 1);
        }
        while (top > 0) {
            int p = stack[--top];
            int y = p / w;
            int x = p - y * w;
            if (x > 0) {
                top = seed(mask, outside, stack, top, p - 1);
            }
            if (x < w - 1) {
                top = seed(mask, outside, stack, top, p + 1);
            }
            if (y > 0) {
                top = seed(mask, outside, stack, top, p - w);
            }
            if (y < h - 1) {
                top = seed(mask, outside, stack, top, p + w);
            }
        }
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    private static int seed(boolean[] mask, boolean[] outside, int[] stack, int top, int p) {
        if (!mask[p] && !outside[p]) {
            outside[p] = true;
            stack[top++] = p;
        }
        return top;
    }
}
