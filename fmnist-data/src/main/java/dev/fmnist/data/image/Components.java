package dev.fmnist.data.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Connected components (8-neighbours) of a mask, each with its size and bounding box. */
final class Components {
    /**
     * One component.
     *
     * @param label its number, from 1, in the order of the components' first pixels ({@link Components#mask})
     * @param area pixels in it
     * @param strong whether it holds a pixel above the strong threshold (hysteresis)
     */
    record Component(int label, int area, int minX, int minY, int maxX, int maxY, boolean strong) {
        int width() {
            return maxX - minX + 1;
        }

        int height() {
            return maxY - minY + 1;
        }

        boolean touchesBorder(int w, int h) {
            return minX == 0 || minY == 0 || maxX == w - 1 || maxY == h - 1;
        }
    }

    private final int width;
    private final int height;
    private final Runs runs;
    /** Each run's label. */
    private final int[] runLabels;
    final List<Component> list;

    private Components(List<Component> list, Runs runs, int[] runLabels) {
        this.runs = runs;
        this.runLabels = runLabels;
        this.width = runs.width();
        this.height = runs.height();
        this.list = list;
    }

    /** The pixels of the component labelled {@code label}, packed. */
    PackedMask mask(int label) {
        PackedMask.Builder out = PackedMask.builder(width, height);
        for (int r = 0; r < runs.count(); r++) {
            if (runLabels[r] == label) {
                out.setRun(runs.row()[r], runs.start()[r], runs.end()[r]);
            }
        }
        return out.build();
    }

    /**
     * The components of {@code mask}, largest first (ties in the order of their first pixel, row by row);
     * a pixel of {@code values} above {@code strong} makes its component strong (hysteresis). Labelled by
     * {@link Runs}.
     */
    static Components of(PackedMask mask, float[] values, float strong) {
        int w = mask.width();
        Runs runs = Runs.of(mask);
        int[] roots = runs.roots(true);
        int count = runs.count();
        // A component's root is its first run in raster order, so labels follow the first pixels' order.
        int[] label = new int[count];
        int next = 0;
        int[] area = new int[count + 1];
        int[] minX = new int[count + 1];
        int[] minY = new int[count + 1];
        int[] maxX = new int[count + 1];
        int[] maxY = new int[count + 1];
        boolean[] isStrong = new boolean[count + 1];
        for (int r = 0; r < count; r++) {
            int root = roots[r];
            int l = root == r ? ++next : label[root];
            label[r] = l;
            int y = runs.row()[r];
            int x0 = runs.start()[r];
            int x1 = runs.end()[r];
            if (root == r) {
                minX[l] = x0;
                maxX[l] = x1;
                minY[l] = y;
            } else {
                minX[l] = Math.min(minX[l], x0);
                maxX[l] = Math.max(maxX[l], x1);
            }
            maxY[l] = y;
            area[l] += x1 - x0 + 1;
            int row = y * w;
            if (!isStrong[l]) {
                for (int i = row + x0; i <= row + x1; i++) {
                    if (values[i] > strong) {
                        isStrong[l] = true;
                        break;
                    }
                }
            }
        }
        List<Component> found = new ArrayList<>(next);
        for (int l = 1; l <= next; l++) {
            found.add(new Component(l, area[l], minX[l], minY[l], maxX[l], maxY[l], isStrong[l]));
        }
        found.sort(Comparator.comparingInt(Component::area).reversed());
        return new Components(List.copyOf(found), runs, label);
    }
}
