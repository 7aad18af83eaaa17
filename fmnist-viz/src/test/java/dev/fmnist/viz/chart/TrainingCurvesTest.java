package dev.fmnist.viz.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import dev.fmnist.viz.Palette;
import dev.fmnist.viz.testing.Pictures;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {

    static History history(int epochs, boolean validation) {
        List<EpochStats> out = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double loss = 0.5 / e;
            double accuracy = 0.8 + 0.02 * e;
            out.add(new EpochStats(e, loss, accuracy, validation ? loss + 0.05 : Double.NaN,
                    validation ? accuracy - 0.01 : Double.NaN, 60_000, 2_000_000_000L));
        }
        return new History(out);
    }

    @Test
    void drawsTrainAndValidationLinesInTheirColours() {
        BufferedImage picture = TrainingCurves.defaults().render(history(5, true));

        assertThat(picture.getWidth()).isEqualTo(720);
        assertThat(picture.getHeight()).isEqualTo(540);
        assertThat(Pictures.count(picture, Palette.TRAIN, 10, null)).isGreaterThan(400);
        assertThat(Pictures.count(picture, Palette.VALIDATION, 10, null)).isGreaterThan(400);
    }

    @Test
    void withoutValidationOnlyTheTrainingLineIsDrawn() {
        BufferedImage picture = TrainingCurves.defaults().withSize(400, 300).render(history(3, false));

        assertThat(picture.getWidth()).isEqualTo(400);
        assertThat(Pictures.count(picture, Palette.TRAIN, 10, null)).isGreaterThan(150);
        assertThat(Pictures.count(picture, Palette.VALIDATION, 30, null)).isZero();
    }

    @Test
    void pointsFollowTheHistoryFallingLossRisingAccuracy() {
        ChartRenderingInfo info = new ChartRenderingInfo();
        TrainingCurves.defaults().render(history(5, true), info);

        List<XYItemEntity> points = new ArrayList<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && e.getSeriesIndex() == 0) {
                points.add(e);
            }
        }
        // Two subplots, five training points each; the loss plot is on top.
        assertThat(points).hasSize(10);
        points.sort(Comparator.comparingDouble((XYItemEntity e) -> centreY(e)));
        List<XYItemEntity> loss = points.subList(0, 5).stream()
                .sorted(Comparator.comparingInt(XYItemEntity::getItem)).toList();
        List<XYItemEntity> accuracy = points.subList(5, 10).stream()
                .sorted(Comparator.comparingInt(XYItemEntity::getItem)).toList();
        for (int i = 1; i < 5; i++) {
            assertThat(centreX(loss.get(i))).isGreaterThan(centreX(loss.get(i - 1)));
            assertThat(centreY(loss.get(i))).as("loss falls: lower on screen").isGreaterThan(centreY(loss.get(i - 1)));
            assertThat(centreY(accuracy.get(i))).as("accuracy rises").isLessThan(centreY(accuracy.get(i - 1)));
        }
    }

    @Test
    void anEmptyHistoryIsRefused() {
        assertThatThrownBy(() -> TrainingCurves.defaults().render(History.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no epochs");
        assertThatThrownBy(() -> TrainingCurves.defaults().withSize(10, 10)).isInstanceOf(InvalidInputException.class);
    }

    private static double centreX(ChartEntity e) {
        return e.getArea().getBounds2D().getCenterX();
    }

    private static double centreY(ChartEntity e) {
        return e.getArea().getBounds2D().getCenterY();
    }
}
