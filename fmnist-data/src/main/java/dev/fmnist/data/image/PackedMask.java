package dev.fmnist.data.image;

/**
 * A binary mask packed 64 pixels to a {@code long}, row by row (pixel {@code x} of a row is bit {@code x & 63}
 * of word {@code x >>> 6}), for dilation and erosion by a square: separable, each a shift-and-combine of
 * whole words along the rows, then a combine of whole rows along the columns. Pixels outside the picture
 * are the operation's identity (background for dilation, object for erosion), which is what clipping the
 * square at the border means. Bits past the row's width are kept zero.
 */
final class PackedMask {
    private final long[] bits;
    private final int w;
    private final int h;
    private final int words;
    /** The valid bits of a row's last word. */
    private final long lastWord;

    private PackedMask(long[] bits, int w, int h) {
        this.bits = bits;
        this.w = w;
        this.h = h;
        this.words = (w + 63) >>> 6;
        int tail = w & 63;
        this.lastWord = tail == 0 ? -1L : (1L << tail) - 1;
    }

    static PackedMask of(boolean[] mask, int w, int h) {
        int words = (w + 63) >>> 6;
        long[] bits = new long[words * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int out = y * words;
            for (int x = 0; x < w; x++) {
                if (mask[row + x]) {
                    bits[out + (x >>> 6)] |= 1L << x;
                }
            }
        }
        return new PackedMask(bits, w, h);
    }

    boolean[] toBooleans() {
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int in = y * words;
            for (int x = 0; x < w; x++) {
                out[row + x] = (bits[in + (x >>> 6)] >>> x & 1L) != 0;
            }
        }
        return out;
    }

    /** OR over a {@code (2r+1)} square. */
    PackedMask dilate(int r) {
        return columns(rows(r, false), r, false);
    }

    /** AND over a {@code (2r+1)} square. */
    PackedMask erode(int r) {
        return columns(rows(r, true), r, true);
    }

    /** Word {@code i} of row {@code y}, with the identity outside the row and in the padding bits. */
    private long word(long[] src, int y, int i, boolean and) {
        if (i < 0 || i >= words) {
            return and ? -1L : 0L;
        }
        long v = src[y * words + i];
        return i == words - 1 && and ? v | ~lastWord : v;
    }

    private long[] rows(int r, boolean and) {
        if (r >= 64) {
            throw new IllegalArgumentException("radius " + r + " is too large for a packed mask");
        }
        long[] out = new long[bits.length];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < words; i++) {
                long here = word(bits, y, i, and);
                long before = word(bits, y, i - 1, and);
                long after = word(bits, y, i + 1, and);
                long acc = here;
                for (int k = 1; k <= r; k++) {
                    long fromLeft = here << k | before >>> (64 - k); // pixel x takes pixel x - k
                    long fromRight = here >>> k | after << (64 - k); // pixel x takes pixel x + k
                    acc = and ? acc & fromLeft & fromRight : acc | fromLeft | fromRight;
                }
                out[y * words + i] = i == words - 1 ? acc & lastWord : acc;
            }
        }
        return out;
    }

    private PackedMask columns(long[] src, int r, boolean and) {
        long[] out = new long[src.length];
        for (int y = 0; y < h; y++) {
            int from = Math.max(0, y - r);
            int to = Math.min(h - 1, y + r);
            for (int i = 0; i < words; i++) {
                long acc = and ? -1L : 0L;
                for (int yy = from; yy <= to; yy++) {
                    long v = src[yy * words + i];
                    acc = and ? acc & v : acc | v;
                }
                out[y * words + i] = acc;
            }
        }
        return new PackedMask(out, w, h);
    }
}
