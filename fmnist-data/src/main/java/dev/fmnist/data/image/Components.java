package dev.fmnist.data.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Connected components (8-neighbours) of a mask, each with its size and bounding box. */
final class Components {
    /**
     * One component.
     *
     * @param label its number in {@link Components#labels}, from 1
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

    final int[] labels;
    final List<Component> list;

    private Components(int[] labels, List<Component> list) {
        this.labels = labels;
        this.list = list;
    }

    /** The components of {@code mask}, largest first; {@code strong} marks the pixels that make one strong. */
    static Components of(boolean[] mask, boolean[] strong, int w, int h) {
        int[] labels = new int[mask.length];
        // Pixels waiting to be visited, as x and y (no division per pixel).
        int[] stackX = new int[mask.length];
        int[] stackY = new int[mask.length];
        List<Component> found = new ArrayList<>();
        int next = 1;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            int label = next++;
            int top = 0;
            stackX[top] = start % w;
            stackY[top++] = start / w;
            labels[start] = label;
            int area = 0;
            int minX = w, minY = h, maxX = -1, maxY = -1;
            boolean isStrong = false;
            while (top > 0) {
                top--;
                int x = stackX[top];
                int y = stackY[top];
                area++;
                isStrong |= strong[y * w + x];
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(w - 1, x + 1);
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    int row = ny * w;
                    for (int nx = x0; nx <= x1; nx++) {
                        int q = row + nx;
                        if (mask[q] && labels[q] == 0) {
                            labels[q] = label;
                            stackX[top] = nx;
                            stackY[top++] = ny;
                        }
                    }
                }
            }
            found.add(new Component(label, area, minX, minY, maxX, maxY, isStrong));
        }
        found.sort(Comparator.comparingInt(Component::area).reversed());
        return new Components(labels, List.copyOf(found));
    }
}
