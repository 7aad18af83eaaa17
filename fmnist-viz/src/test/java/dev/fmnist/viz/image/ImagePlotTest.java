package dev.fmnist.viz.image;

import static dev.fmnist.viz.testing.Pictures.inked;
import static dev.fmnist.viz.testing.Pictures.rgb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.viz.testing.Pictures;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagePlotTest {
    /** Brightness rising from left (0) to right (243). */
    private static final byte[] RAMP = Pictures.image((r, c) -> c * 9);

    @Test
    void drawsTheImageInViridisWithAColourBarFromZeroToTwoFiftyFive() {
        ImagePlot plot = ImagePlot.defaults();
        BufferedImage picture = plot.render(RAMP, "Ankle boot");
        ImagePlot.Layout layout = plot.layout("Ankle boot");
        Rectangle img = layout.image();
        Rectangle bar = layout.colorBar();

        assertThat(picture.getWidth()).isEqualTo(layout.width());
        assertThat(picture.getHeight()).isEqualTo(layout.height());
        assertThat(img.width).isEqualTo(280);
        for (int c = 0; c < 28; c++) {
            assertThat(rgb(picture, img.x + c * 10 + 5, img.y + 100)).isEqualTo(ColorMap.VIRIDIS.rgb(c * 9));
        }
        assertThat(bar.x).isGreaterThan(img.x + img.width);
        assertThat(rgb(picture, bar.x + 5, bar.y)).isEqualTo(ColorMap.VIRIDIS.rgb(255));
        assertThat(rgb(picture, bar.x + 5, bar.y + bar.height - 1)).isEqualTo(ColorMap.VIRIDIS.rgb(0));
        // Tick labels to the right of the bar, title above the image.
        assertThat(inked(picture, new Rectangle(bar.x + bar.width + 6, bar.y, 20, bar.height))).isGreaterThan(50);
        assertThat(inked(picture, new Rectangle(img.x, 0, img.width, img.y))).isGreaterThan(30);
    }

    @Test
    void withoutColourBarOrTitleTheImageFillsThePlot() {
        ImagePlot plot = ImagePlot.defaults().withColorBar(false).withScale(4).withColorMap(ColorMap.GREY);
        BufferedImage picture = plot.render(RAMP);
        ImagePlot.Layout layout = plot.layout(null);

        assertThat(layout.colorBar()).isNull();
        assertThat(picture.getWidth()).isEqualTo(112 + 2 * layout.image().x);
        assertThat(rgb(picture, layout.image().x + 27 * 4, layout.image().y)).isEqualTo(ColorMap.GREY.rgb(243));
    }
}
