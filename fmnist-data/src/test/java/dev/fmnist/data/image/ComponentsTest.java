package dev.fmnist.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The run-based labelling against a pixel-by-pixel flood fill, on random masks of every density and widths across the 64-pixel word. */
class ComponentsTest {
    @Test
    void labelsAreasAndBoxesMatchAFloodFill() {
        Random r = new Random(5);
        for (int round = 0; round < 300; round++) {
            int w = round % 3 == 0 ? 60 + r.nextInt(10) : 1 + r.nextInt(40);
            int h = 1 + r.nextInt(40);
            double density = r.nextDouble();
            boolean[] mask = new boolean[w * h];
            boolean[] strong = new boolean[w * h];
            float[] values = new float[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = r.nextDouble() < density;
                strong[i] = mask[i] && r.nextDouble() < 0.05;
                values[i] = strong[i] ? 1f : 0f;
            }
            Components got = Components.of(PackedMask.of(mask, w, h), values, 0.5f);
            Reference want = Reference.of(mask, strong, w, h);
            String where = "round " + round + " (" + w + "x" + h + ")";
            assertArrayEquals(want.labels, labels(got, w, h), where);
            assertEquals(want.list, got.list, where);
        }
    }

    @Test
    void diagonalNeighboursJoinAndGapsSeparate() {
        // A diagonal staircase (one component) and a vertical pair, separated by an empty column.
        boolean[] mask = new boolean[5 * 3];
        int[] on = {0, 6, 12, 4, 9};
        for (int i : on) {
            mask[i] = true;
        }
        float[] allStrong = new float[mask.length];
        for (int i : on) {
            allStrong[i] = 1f;
        }
        Components c = Components.of(PackedMask.of(mask, 5, 3), allStrong, 0.5f);
        assertEquals(2, c.list.size());
        assertEquals(3, c.list.get(0).area());
        int[] labels = labels(c, 5, 3);
        assertEquals(labels[0], labels[12]);
        assertEquals(labels[4], labels[9]);
    }

    /** Each pixel's label, from the components' masks (0 for background). */
    private static int[] labels(Components c, int w, int h) {
        int[] labels = new int[w * h];
        for (Components.Component component : c.list) {
            boolean[] mine = c.mask(component.label()).toBooleans();
            for (int i = 0; i < labels.length; i++) {
                if (mine[i]) {
                    labels[i] = component.label();
                }
            }
        }
        return labels;
    }

    /** Breadth-first flood fill over the eight neighbours, labels in raster order of first pixels. */
    private record Reference(int[] labels, List<Components.Component> list) {
        static Reference of(boolean[] mask, boolean[] strong, int w, int h) {
            int[] labels = new int[mask.length];
            List<Components.Component> list = new ArrayList<>();
            int next = 0;
            for (int start = 0; start < mask.length; start++) {
                if (!mask[start] || labels[start] != 0) {
                    continue;
                }
                int label = ++next;
                labels[start] = label;
                ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
                int area = 0;
                int minX = w;
                int minY = h;
                int maxX = -1;
                int maxY = -1;
                boolean isStrong = false;
                while (!queue.isEmpty()) {
                    int p = queue.poll();
                    int x = p % w;
                    int y = p / w;
                    area++;
                    isStrong |= strong[p];
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && nx < w && ny >= 0 && ny < h && mask[ny * w + nx] && labels[ny * w + nx] == 0) {
                                labels[ny * w + nx] = label;
                                queue.add(ny * w + nx);
                            }
                        }
                    }
                }
                list.add(new Components.Component(label, area, minX, minY, maxX, maxY, isStrong));
            }
            list.sort(Comparator.comparingInt(Components.Component::area).reversed());
            return new Reference(labels, list);
        }
    }
}
