package dev.fmnist.data.image;

/**
 * The horizontal runs of a mask, row by row and left to right ({@code end} is the run's last pixel,
 * inclusive), and their joining into connected sets: the work of labelling grows with the runs rather than
 * with the pixels and their neighbours.
 *
 * @param width the mask's width
 * @param height its height
 * @param count the number of runs
 * @param rowStart the first run of each row, and {@code count} after the last row
 */
record Runs(int width, int height, int count, int[] start, int[] end, int[] row, int[] rowStart) {
    /** The runs of set pixels in a packed mask. */
    static Runs of(PackedMask mask) {
        int w = mask.width();
        int h = mask.height();
        int words = mask.wordsPerRow();
        long[] bits = mask.bits();
        int capacity = mask.runCount();
        int[] start = new int[capacity];
        int[] end = new int[capacity];
        int[] row = new int[capacity];
        int[] rowStart = new int[h + 1];
        int n = 0;
        for (int y = 0; y < h; y++) {
            rowStart[y] = n;
            int base = y * words;
            int x = 0;
            while (x < w) {
                int i = x >>> 6;
                long set = bits[base + i] & (-1L << (x & 63));
                while (set == 0 && ++i < words) {
                    set = bits[base + i];
                }
                if (set == 0) {
                    break;
                }
                int s = (i << 6) + Long.numberOfTrailingZeros(set);
                int j = s >>> 6;
                long clear = ~bits[base + j] & (-1L << (s & 63));
                while (clear == 0 && ++j < words) {
                    clear = ~bits[base + j];
                }
                // Bits past the width are zero, so a run ends at the width at the latest.
                int e = clear == 0 ? w : Math.min(w, (j << 6) + Long.numberOfTrailingZeros(clear));
                start[n] = s;
                end[n] = e - 1;
                row[n++] = y;
                x = e;
            }
        }
        rowStart[h] = n;
        return new Runs(w, h, n, start, end, row, rowStart);
    }

    /**
     * Each run's set (union-find over the runs of neighbouring rows that touch), as the index of the set's
     * first run in raster order.
     *
     * @param diagonal whether runs touching only at a corner join (8-neighbours), else 4-neighbours
     */
    int[] roots(boolean diagonal) {
        int reach = diagonal ? 1 : 0;
        int[] parent = new int[count];
        for (int r = 0; r < count; r++) {
            parent[r] = r;
        }
        for (int y = 1; y + 1 < rowStart.length; y++) {
            int a = rowStart[y - 1];
            int aEnd = rowStart[y];
            for (int b = rowStart[y]; b < rowStart[y + 1]; b++) {
                // Runs above that end left of this one touch nothing further right either.
                while (a < aEnd && end[a] < start[b] - reach) {
                    a++;
                }
                for (int t = a; t < aEnd && start[t] <= end[b] + reach; t++) {
                    union(parent, t, b);
                }
            }
        }
        for (int r = 0; r < count; r++) {
            parent[r] = find(parent, r);
        }
        return parent;
    }

    private static int find(int[] parent, int r) {
        int root = r;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[r] != root) {
            int up = parent[r];
            parent[r] = root;
            r = up;
        }
        return root;
    }

    /** Joins two runs' sets under the earlier root. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
