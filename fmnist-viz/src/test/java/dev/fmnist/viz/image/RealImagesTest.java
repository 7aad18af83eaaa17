package dev.fmnist.viz.image;

import static dev.fmnist.viz.testing.Pictures.rgb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.data.testing.RealData;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The tutorial's first pictures from the real files (skipped without them). */
class RealImagesTest {

    @Test
    void theTutorialsGridOfTwentyFiveTrainingImages() {
        Dataset train = RealData.orSkip().train();
        ImageGrid grid = ImageGrid.defaults();
        int[] indices = Selection.first(train, 25);
        BufferedImage picture = grid.render(train, indices);
        ImageGrid.Layout layout = grid.layout(Arrays.stream(indices)
                .mapToObj(i -> ImageGrid.Tile.labelled(train.image(i), FashionClass.ofLabel(train.label(i)))).toList());

        // The first training image is the tutorial's ankle boot, drawn dark on white (binary map).
        assertThat(FashionClass.ofLabel(train.label(0))).isEqualTo(FashionClass.ANKLE_BOOT);
        assertThat(layout.columns()).isEqualTo(5);
        assertThat(layout.rows()).isEqualTo(5);
        Rectangle last = layout.image(24);
        byte[] pixels = train.image(24);
        for (int r = 0; r < Images.ROWS; r++) {
            for (int c = 0; c < Images.COLS; c++) {
                assertThat(rgb(picture, last.x + c * 4 + 1, last.y + r * 4 + 2))
                        .isEqualTo(ColorMap.BINARY.rgb(pixels[r * Images.COLS + c]));
            }
        }
    }

    @Test
    void asciiRenderingShowsInkWhereTheImageHasIt() {
        Dataset test = RealData.orSkip().test();
        byte[] pixels = test.image(0);
        String[] lines = TerminalImage.of(TerminalImage.Mode.ASCII).render(pixels).split("\n");
        for (int line = 0; line < 14; line++) {
            for (int c = 0; c < Images.COLS; c++) {
                int sum = (pixels[2 * line * Images.COLS + c] & 0xff) + (pixels[(2 * line + 1) * Images.COLS + c] & 0xff);
                assertThat(lines[line].charAt(c) == ' ').isEqualTo(sum < 512 / 10);
            }
        }
    }
}
