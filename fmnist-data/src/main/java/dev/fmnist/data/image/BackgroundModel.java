package dev.fmnist.data.image;

/**
 * The background as a plane {@code level(x, y) = a + b*x + c*y} fitted to the picture's outer ring, with the
 * spread of the noise around it. Studio photos have a light fall-off (a linear gradient) and sensor noise;
 * a garment or shadow that reaches the ring is an outlier the fit leaves out: the fit is repeated on the
 * pixels within 2.5 noise deviations of the previous plane (up to four times, fewer once the inliers stop
 * changing), and the noise is the median absolute residual.
 *
 * @param a the level at the top-left corner
 * @param b the change per pixel to the right
 * @param c the change per pixel downwards
 * @param noise the robust standard deviation of the ring around the plane (1.4826 median absolute residual)
 */
record BackgroundModel(double a, double b, double c, double noise) {
    private static final int ROUNDS = 4;

    /** The background's level at (x, y). */
    double at(int x, int y) {
        return a + b * x + c * y;
    }

    /** The mean level over a {@code w x h} picture (the level at its centre). */
    double mean(int w, int h) {
        return at((w - 1) / 2, (h - 1) / 2);
    }

    /** The plane fitted to the ring {@code ring} pixels deep. */
    static BackgroundModel fit(GreyImage g, int ring) {
        int depth = Math.max(1, Math.min(ring, Math.min(g.width, g.height) / 2));
        // The ring in raster order: whole rows at the top and bottom, the two side strips between them.
        int n = 2 * depth * g.width + (g.height - 2 * depth) * 2 * depth;
        int[] xs = new int[n];
        int[] ys = new int[n];
        double[] values = new double[n];
        int i = 0;
        for (int y = 0; y < g.height; y++) {
            boolean edgeRow = y < depth || y >= g.height - depth;
            // 2 * depth <= width, so the two side strips do not overlap.
            int leftEnd = edgeRow ? g.width : depth;
            int rightStart = edgeRow ? g.width : g.width - depth;
            for (int x = 0; x < leftEnd; x++, i++) {
                xs[i] = x;
                ys[i] = y;
                values[i] = g.v[y * g.width + x];
            }
            for (int x = rightStart; x < g.width; x++, i++) {
                xs[i] = x;
                ys[i] = y;
                values[i] = g.v[y * g.width + x];
            }
        }
        boolean[] inlier = new boolean[n];
        java.util.Arrays.fill(inlier, true);
        // One scratch array for the medians, which reorder what they are given.
        double[] scratch = values.clone();
        BackgroundModel model = new BackgroundModel(medianOf(scratch), 0, 0, 0);
        double[] residuals = new double[n];
        for (int round = 0; round < ROUNDS; round++) {
            double[] plane = leastSquares(values, xs, ys, inlier, n);
            BackgroundModel next = plane == null ? model : new BackgroundModel(plane[0], plane[1], plane[2], 0);
            for (int k = 0; k < n; k++) {
                residuals[k] = Math.abs(values[k] - next.at(xs[k], ys[k]));
            }
            System.arraycopy(residuals, 0, scratch, 0, n);
            double sigma = Math.max(0.5, 1.4826 * medianOf(scratch));
            boolean changed = false;
            for (int k = 0; k < n; k++) {
                boolean in = residuals[k] <= 2.5 * sigma;
                changed |= in != inlier[k];
                inlier[k] = in;
            }
            model = new BackgroundModel(next.a, next.b, next.c, sigma);
            if (!changed) {
                // The same inliers give the same plane, noise and inliers again: the fit has converged.
                break;
            }
        }
        return model;
    }

    /** {a, b, c} minimising the squared residuals over the inliers, or null when they do not fix a plane. */
    private static double[] leastSquares(double[] values, int[] xs, int[] ys, boolean[] inlier, int n) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, sv = 0, sxv = 0, syv = 0, count = 0;
        for (int i = 0; i < n; i++) {
            if (inlier[i]) {
                double x = xs[i], y = ys[i], v = values[i];
                count++;
                sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; sv += v; sxv += x * v; syv += y * v;
            }
        }
        if (count < 3) {
            return null;
        }
        // Normal equations, solved by Cramer's rule.
        double[][] m = {{count, sx, sy}, {sx, sxx, sxy}, {sy, sxy, syy}};
        double[] r = {sv, sxv, syv};
        double det = det(m);
        if (Math.abs(det) < 1e-9 * count * count * count) {
            return null;
        }
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] mk = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int row = 0; row < 3; row++) {
                mk[row][k] = r[row];
            }
            out[k] = det(mk) / det;
        }
        return out;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** The value at index {@code n/2} once sorted, found by selection (Hoare's quickselect) without sorting. */
    private static double medianOf(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        int k = v.length / 2;
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return v[k];
    }
}
