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

    /** The pixels of {@code values} above {@code level}, packed without an intermediate boolean mask. */
    static PackedMask above(float[] values, float level, int w, int h) {
        int words = (w + 63) >>> 6;
        long[] bits = new long[words * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int out = y * words;
            for (int x0 = 0; x0 < w; x0 += 64) {
                int n = Math.min(64, w - x0);
                long word = 0;
                for (int k = 0; k < n; k++) {
                    word |= (values[row + x0 + k] > level ? 1L : 0L) << k;
                }
                bits[out + (x0 >>> 6)] = word;
            }
        }
        return new PackedMask(bits, w, h);
    }

    /** An empty mask to set runs in. */
    static Builder builder(int w, int h) {
        return new Builder(w, h);
    }

    /** Sets runs of pixels in an empty mask, then hands it over. */
    static final class Builder {
        private final int w;
        private final int h;
        private final int words;
        private long[] bits;

        private Builder(int w, int h) {
            this.w = w;
            this.h = h;
            this.words = (w + 63) >>> 6;
            this.bits = new long[words * h];
        }

        /** Sets pixels {@code x0..x1} (inclusive) of row {@code y}. */
        void setRun(int y, int x0, int x1) {
            PackedMask.setRun(bits, y * words, x0, x1);
        }

        PackedMask build() {
            PackedMask m = new PackedMask(bits, w, h);
            bits = null;
            return m;
        }
    }

    /** How many runs of set pixels the rows hold: the set pixels whose left neighbour is clear. */
    int runCount() {
        int n = 0;
        for (int y = 0; y < h; y++) {
            long carry = 0;
            for (int i = 0; i < words; i++) {
                long v = bits[y * words + i];
                n += Long.bitCount(v & ~(v << 1 | carry));
                carry = v >>> 63;
            }
        }
        return n;
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

    int width() {
        return w;
    }

    /** Whether pixel (x, y) is set. */
    boolean get(int x, int y) {
        return (bits[y * words + (x >>> 6)] >>> x & 1L) != 0; // a long shift takes x modulo 64
    }

    int height() {
        return h;
    }

    /** Words per row. */
    int wordsPerRow() {
        return words;
    }

    /** The packed rows (shared, not to be changed). */
    long[] bits() {
        return bits;
    }

    /**
     * The mask with every background region that does not reach the picture's edge (4-neighbours) set:
     * the background's runs joined into regions, and those holding no run on the edge filled.
     */
    PackedMask fillHoles() {
        long[] inverse = new long[bits.length];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < words; i++) {
                long v = ~bits[y * words + i];
                inverse[y * words + i] = i == words - 1 ? v & lastWord : v;
            }
        }
        Runs background = Runs.of(new PackedMask(inverse, w, h));
        int[] roots = background.roots(false);
        boolean[] outside = new boolean[background.count()];
        for (int r = 0; r < background.count(); r++) {
            int y = background.row()[r];
            if (y == 0 || y == h - 1 || background.start()[r] == 0 || background.end()[r] == w - 1) {
                outside[roots[r]] = true;
            }
        }
        long[] out = bits.clone();
        for (int r = 0; r < background.count(); r++) {
            if (!outside[roots[r]]) {
                setRun(out, background.row()[r] * words, background.start()[r], background.end()[r]);
            }
        }
        return new PackedMask(out, w, h);
    }

    /** Sets pixels {@code x0..x1} (inclusive) of the row starting at word {@code base}. */
    private static void setRun(long[] out, int base, int x0, int x1) {
        for (int i = x0 >>> 6; i <= x1 >>> 6; i++) {
            int lo = Math.max(x0, i << 6) & 63;
            int hi = Math.min(x1, (i << 6) + 63) & 63;
            long m = (hi == 63 ? -1L : (1L << (hi + 1)) - 1) & (-1L << lo);
            out[base + i] |= m;
        }
    }

    boolean[] toBooleans() {
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int in = y * words;
            for (int i = 0; i < words; i++) {
                long word = bits[in + i];
                int x0 = i << 6;
                int n = Math.min(64, w - x0);
                // Whole words of background (most of a picture) stay as allocated; whole words of object fill.
                if (word == 0) {
                    continue;
                }
                if (n == 64 && word == -1L) {
                    java.util.Arrays.fill(out, row + x0, row + x0 + 64, true);
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    out[row + x0 + k] = (word >>> k & 1L) != 0;
                }
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
