package dev.fmnist.data.image;

/**
 * Binary morphology on masks ({@code boolean[]} row by row) with square structuring elements, and hole
 * filling. Opening removes specks and hairlines of noise smaller than the element; closing bridges small gaps
 * inside a garment (thin seams, a low-contrast stripe); filling holes keeps dim parts enclosed by the outline.
 */
final class Morphology {
    private Morphology() {
    }

    /** Erosion then dilation: removes whatever a {@code (2r+1)} square does not fit into. */
    static boolean[] open(boolean[] mask, int w, int h, int r) {
        return dilate(erode(mask, w, h, r), w, h, r);
    }

    /** Dilation then erosion: closes gaps narrower than a {@code (2r+1)} square. */
    static boolean[] close(boolean[] mask, int w, int h, int r) {
        return erode(dilate(mask, w, h, r), w, h, r);
    }

    static boolean[] dilate(boolean[] mask, int w, int h, int r) {
        return pass(pass(mask, w, h, r, true, true), w, h, r, false, true);
    }

    static boolean[] erode(boolean[] mask, int w, int h, int r) {
        return pass(pass(mask, w, h, r, true, false), w, h, r, false, false);
    }

    /**
     * One separable pass along rows ({@code horizontal}) or columns: a pixel becomes the OR (dilation) or
     * AND (erosion) of its {@code 2r+1} neighbours on that line; outside the picture counts as background
     * for dilation and as object for erosion, so objects touching the border are not eaten from outside.
     */
    private static boolean[] pass(boolean[] in, int w, int h, int r, boolean horizontal, boolean dilate) {
        boolean[] out = new boolean[in.length];
        int lines = horizontal ? h : w;
        int length = horizontal ? w : h;
        int step = horizontal ? 1 : w;
        for (int line = 0; line < lines; line++) {
            int base = horizontal ? line * w : line;
            // count of set pixels in the window, kept as it slides
            int count = 0;
            for (int k = -r; k <= r; k++) {
                count += k >= 0 && k < length && in[base + k * step] ? 1 : 0;
            }
            for (int i = 0; i < length; i++) {
                int inside = Math.min(length - 1, i + r) - Math.max(0, i - r) + 1;
                out[base + i * step] = dilate ? count > 0 : count == inside;
                int leaving = i - r;
                int entering = i + r + 1;
                if (leaving >= 0 && in[base + leaving * step]) {
                    count--;
                }
                if (entering < length && in[base + entering * step]) {
                    count++;
                }
            }
        }
        return out;
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
            int x = p % w;
            int y = p / w;
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
