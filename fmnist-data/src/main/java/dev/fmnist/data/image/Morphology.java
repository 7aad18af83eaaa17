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
        return openThenClose(PackedMask.of(mask, w, h), open, close).toBooleans();
    }

    /** {@link #openThenClose} on a packed mask. */
    static PackedMask openThenClose(PackedMask mask, int open, int close) {
        return mask.erode(open).dilate(open).dilate(close).erode(close);
    }

    static boolean[] dilate(boolean[] mask, int w, int h, int r) {
        return PackedMask.of(mask, w, h).dilate(r).toBooleans();
    }

    static boolean[] erode(boolean[] mask, int w, int h, int r) {
        return PackedMask.of(mask, w, h).erode(r).toBooleans();
    }

    /** The mask with every background region not connected (4-neighbours) to the picture's edge set. */
    static boolean[] fillHoles(boolean[] mask, int w, int h) {
        return PackedMask.of(mask, w, h).fillHoles().toBooleans();
    }
}
