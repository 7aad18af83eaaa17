package dev.fmnist.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed dilation and erosion against their definition: the OR (AND) over the square clipped at the
 * picture's border, on random masks of widths around the 64-pixel word boundary.
 */
class MorphologyTest {

    private static boolean[] byDefinition(boolean[] in, int w, int h, int r, boolean dilate) {
        boolean[] out = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean acc = !dilate;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        acc = dilate ? acc | in[yy * w + xx] : acc & in[yy * w + xx];
                    }
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }

    @Test
    void dilationAndErosionFollowTheirDefinitionAtEveryWidth() {
        SplittableRandom random = new SplittableRandom(7);
        for (int w : new int[] {1, 3, 63, 64, 65, 112, 130}) {
            for (int h : new int[] {1, 2, 17}) {
                for (double density : new double[] {0.1, 0.5, 0.9}) {
                    boolean[] mask = new boolean[w * h];
                    for (int i = 0; i < mask.length; i++) {
                        mask[i] = random.nextDouble() < density;
                    }
                    for (int r : new int[] {1, 2, 4}) {
                        String what = w + "x" + h + " density " + density + " r " + r;
                        assertThat(Morphology.dilate(mask, w, h, r)).as("dilate " + what)
                                .isEqualTo(byDefinition(mask, w, h, r, true));
                        assertThat(Morphology.erode(mask, w, h, r)).as("erode " + what)
                                .isEqualTo(byDefinition(mask, w, h, r, false));
                        boolean[] opened = byDefinition(byDefinition(mask, w, h, r, false), w, h, r, true);
                        boolean[] both = byDefinition(byDefinition(opened, w, h, 2 * r, true), w, h, 2 * r, false);
                        assertThat(Morphology.openThenClose(mask, w, h, r, 2 * r)).as("open, close " + what)
                                .isEqualTo(both);
                    }
                }
            }
        }
    }

    /** Background reached from the edge through 4-neighbours stays; everything else is set. */
    private static boolean[] filledByFlooding(boolean[] mask, int w, int h) {
        boolean[] outside = new boolean[mask.length];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && !mask[p]) {
                    outside[p] = true;
                    queue.add(p);
                }
            }
        }
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int x = p % w;
            int y = p / w;
            int[][] steps = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
            for (int[] s : steps) {
                if (s[0] >= 0 && s[0] < w && s[1] >= 0 && s[1] < h) {
                    int q = s[1] * w + s[0];
                    if (!mask[q] && !outside[q]) {
                        outside[q] = true;
                        queue.add(q);
                    }
                }
            }
        }
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    @Test
    void holesAreFilledAsFloodingFromTheEdgeFindsThemAtEveryWidth() {
        SplittableRandom random = new SplittableRandom(11);
        for (int w : new int[] {1, 2, 5, 63, 64, 65, 112, 130}) {
            for (int h : new int[] {1, 3, 17, 40}) {
                for (double density : new double[] {0.3, 0.5, 0.6, 0.75}) {
                    boolean[] mask = new boolean[w * h];
                    for (int i = 0; i < mask.length; i++) {
                        mask[i] = random.nextDouble() < density;
                    }
                    assertThat(Morphology.fillHoles(mask, w, h)).as("fill " + w + "x" + h + " density " + density)
                            .isEqualTo(filledByFlooding(mask, w, h));
                }
            }
        }
    }
}
