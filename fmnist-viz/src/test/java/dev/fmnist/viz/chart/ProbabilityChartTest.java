package dev.fmnist.viz.chart;

import static dev.fmnist.viz.testing.Pictures.rgb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.viz.Palette;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.junit.jupiter.api.Test;

class ProbabilityChartTest {
    private static final Prediction PREDICTION = new Prediction(
            new float[] {0.02f, 0.01f, 0.05f, 0.02f, 0.03f, 0.25f, 0.02f, 0.55f, 0.02f, 0.03f});

    @Test
    void predictedBarIsTallestAndRedWhenWrongTrueBarBlueOthersGrey() {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage picture = ProbabilityChart.defaults().render(PREDICTION, Optional.of(FashionClass.SANDAL), info);
        Map<String, Rectangle> bars = bars(info);

        assertThat(picture.getWidth()).isEqualTo(560);
        assertThat(picture.getHeight()).isEqualTo(360);
        assertThat(bars).hasSize(10);
        Rectangle sneaker = bars.get("Sneaker");
        for (Map.Entry<String, Rectangle> e : bars.entrySet()) {
            if (!e.getKey().equals("Sneaker")) {
                assertThat(sneaker.height).as(e.getKey()).isGreaterThan(e.getValue().height);
            }
        }
        // Heights are proportional to probability.
        assertThat((double) bars.get("Sandal").height / sneaker.height).isCloseTo(0.25 / 0.55,
                org.assertj.core.data.Offset.offset(0.02));
        assertThat(centre(picture, sneaker)).isEqualTo(Palette.WRONG.getRGB() & 0xffffff);
        assertThat(centre(picture, bars.get("Sandal"))).isEqualTo(Palette.CORRECT.getRGB() & 0xffffff);
        assertThat(centre(picture, bars.get("Pullover"))).isEqualTo(Palette.NEUTRAL.getRGB() & 0xffffff);
    }

    @Test
    void aRightPredictionIsBlue() {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage picture = ProbabilityChart.defaults().render(PREDICTION, Optional.of(FashionClass.SNEAKER), info);
        Map<String, Rectangle> bars = bars(info);

        assertThat(centre(picture, bars.get("Sneaker"))).isEqualTo(Palette.CORRECT.getRGB() & 0xffffff);
        assertThat(centre(picture, bars.get("Sandal"))).isEqualTo(Palette.NEUTRAL.getRGB() & 0xffffff);
        assertThat(ProbabilityChart.barColor(PREDICTION, Optional.empty(), 7)).isEqualTo(Palette.CORRECT);
        assertThat(ProbabilityChart.barColor(PREDICTION, Optional.empty(), 5)).isEqualTo(Palette.NEUTRAL);
    }

    @Test
    void titleNamesThePredictionAndTheTruth() {
        assertThat(ProbabilityChart.defaults().chart(PREDICTION, Optional.of(FashionClass.SANDAL)).getTitle().getText())
                .isEqualTo("Sneaker 55% (true: Sandal)");
        assertThat(ProbabilityChart.defaults().chart(PREDICTION, Optional.empty()).getTitle().getText())
                .isEqualTo("Sneaker 55%");
    }

    private static Map<String, Rectangle> bars(ChartRenderingInfo info) {
        Map<String, Rectangle> out = new HashMap<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof CategoryItemEntity e) {
                out.put((String) e.getColumnKey(), e.getArea().getBounds());
            }
        }
        return out;
    }

    private static int centre(BufferedImage picture, Rectangle r) {
        return rgb(picture, (int) r.getCenterX(), (int) r.getCenterY());
    }
}
