package dev.fmnist.viz.chart;

import static dev.fmnist.viz.testing.Pictures.luminance;
import static dev.fmnist.viz.testing.Pictures.rgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.viz.testing.Pictures;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ConfusionHeatmapTest {

    /** Diagonal 100*(t+1), one off-diagonal count per row, everything else zero. */
    static long[][] confusion() {
        long[][] m = new long[10][10];
        for (int t = 0; t < 10; t++) {
            m[t][t] = 100L * (t + 1);
            m[t][(t + 1) % 10] = 3L * t;
        }
        return m;
    }

    @Test
    void cellColourDarkensAsTheCountRises() {
        ConfusionHeatmap heatmap = ConfusionHeatmap.defaults();
        BufferedImage picture = heatmap.render(confusion(), "test");
        ConfusionHeatmap.Layout layout = heatmap.layout();

        assertThat(picture.getWidth()).isEqualTo(layout.width());
        assertThat(picture.getHeight()).isEqualTo(layout.height());
        double previous = 2;
        for (int t = 0; t < 10; t++) {
            double lum = luminance(corner(picture, layout.cell(t, t)));
            assertThat(lum).as("diagonal %d", t).isLessThan(previous);
            previous = lum;
        }
        // A zero cell is (almost) white; a small count is lighter than a large one but not white.
        int zero = corner(picture, layout.cell(0, 5));
        int small = corner(picture, layout.cell(9, 0));
        assertThat(luminance(zero)).isGreaterThan(0.95);
        assertThat(luminance(small)).isLessThan(luminance(zero)).isGreaterThan(luminance(corner(picture,
                layout.cell(9, 9))));
    }

    @Test
    void countsAreWrittenReadablyOnDarkAndLightCells() {
        ConfusionHeatmap heatmap = ConfusionHeatmap.defaults();
        BufferedImage picture = heatmap.render(confusion(), null);
        ConfusionHeatmap.Layout layout = heatmap.layout();

        Rectangle dark = layout.cell(9, 9);
        int darkFill = corner(picture, dark);
        assertThat(luminance(darkFill)).isLessThan(0.3);
        assertThat(Pictures.count(picture, Color.WHITE, 60, inner(dark))).as("white digits on dark").isGreaterThan(10);
        Rectangle light = layout.cell(0, 5);
        assertThat(Pictures.count(picture, new Color(34, 34, 34), 80, inner(light))).as("dark digits on light")
                .isGreaterThan(5);
        assertThat(ConfusionHeatmap.textColor(Color.BLACK)).isEqualTo(Color.WHITE);
        assertThat(ConfusionHeatmap.textColor(Color.WHITE)).isNotEqualTo(Color.WHITE);
    }

    @Test
    void classNamesLabelBothAxes() {
        ConfusionHeatmap heatmap = ConfusionHeatmap.defaults();
        BufferedImage picture = heatmap.render(confusion(), null);
        ConfusionHeatmap.Layout layout = heatmap.layout();
        Rectangle firstRow = layout.cell(0, 0);
        Rectangle firstColumn = layout.cell(9, 0);

        Rectangle rowLabel = new Rectangle(30, firstRow.y, layout.left() - 32, firstRow.height);
        Rectangle columnLabel = new Rectangle(firstColumn.x, firstColumn.y + firstColumn.height + 4,
                firstColumn.width, 60);
        assertThat(Pictures.inked(picture, rowLabel)).isGreaterThan(40);
        assertThat(Pictures.inked(picture, columnLabel)).isGreaterThan(40);
    }

    @Test
    void linearAndSquareRootScalesAgreeOnTheExtremes() {
        ConfusionHeatmap linear = ConfusionHeatmap.defaults().withScale(ConfusionHeatmap.Scale.LINEAR);
        ConfusionHeatmap sqrt = ConfusionHeatmap.defaults();
        assertThat(linear.color(1000, 1000)).isEqualTo(sqrt.color(1000, 1000));
        assertThat(linear.color(0, 1000)).isEqualTo(sqrt.color(0, 1000));
        assertThat(luminance(sqrt.color(30, 1000).getRGB())).isLessThan(luminance(linear.color(30, 1000).getRGB()));
        assertThat(linear.color(0, 0)).isEqualTo(linear.color(0, 5));
    }

    @Test
    void evaluationTitleAndBadMatrices() {
        Evaluation evaluation = Evaluation.of(100, confusion());
        BufferedImage picture = ConfusionHeatmap.defaults().render(evaluation);
        assertThat(Pictures.inked(picture, new Rectangle(0, 0, picture.getWidth(), 30))).isGreaterThan(100);
        assertThatThrownBy(() -> ConfusionHeatmap.defaults().render(new long[9][10], null))
                .isInstanceOf(InvalidInputException.class);
        long[][] negative = confusion();
        negative[2][3] = -1;
        assertThatThrownBy(() -> ConfusionHeatmap.defaults().render(negative, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("negative");
    }

    private static int corner(BufferedImage picture, Rectangle cell) {
        return rgb(picture, cell.x + 3, cell.y + 3);
    }

    private static Rectangle inner(Rectangle cell) {
        return new Rectangle(cell.x + 4, cell.y + 4, cell.width - 8, cell.height - 8);
    }
}
