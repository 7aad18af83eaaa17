package dev.fmnist.viz.image;

import static dev.fmnist.viz.testing.Pictures.inked;
import static dev.fmnist.viz.testing.Pictures.rgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.viz.Palette;
import dev.fmnist.viz.testing.Pictures;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionGridTest {
    private static final byte[] STRIPES = Pictures.image((r, c) -> c % 2 == 0 ? 255 : 0);

    /** Most probability on class 7 (Sneaker), some on 5 (Sandal) and 9. */
    private static Prediction sneaker() {
        float[] p = new float[FashionClass.COUNT];
        p[7] = 0.7f;
        p[5] = 0.2f;
        p[9] = 0.1f;
        return new Prediction(p);
    }

    private static final Predicted RIGHT = new Predicted(STRIPES, sneaker(), Optional.of(FashionClass.SNEAKER));
    private static final Predicted WRONG = new Predicted(STRIPES, sneaker(), Optional.of(FashionClass.SANDAL));
    private static final Predicted UNKNOWN = new Predicted(STRIPES, sneaker(), Optional.empty());

    @Test
    void captionsSayPredictedProbabilityAndTruthAsTheTutorialDoes() {
        assertThat(PredictionGrid.caption(RIGHT)).isEqualTo("Sneaker 70% (Sneaker)");
        assertThat(PredictionGrid.caption(WRONG)).isEqualTo("Sneaker 70% (Sandal)");
        assertThat(PredictionGrid.caption(UNKNOWN)).isEqualTo("Sneaker 70%");
        assertThat(PredictionGrid.verdictColor(RIGHT)).isEqualTo(Palette.CORRECT);
        assertThat(PredictionGrid.verdictColor(WRONG)).isEqualTo(Palette.WRONG);
        assertThat(PredictionGrid.verdictColor(UNKNOWN)).isEqualTo(Palette.TEXT);
    }

    @Test
    void wrongImagesGetARedFrameAndRedCaption() {
        PredictionGrid grid = PredictionGrid.defaults();
        List<Predicted> items = List.of(RIGHT, WRONG);
        BufferedImage picture = grid.render(items);
        PredictionGrid.Layout layout = grid.layout(items);
        Rectangle right = layout.image(0);
        Rectangle wrong = layout.image(1);

        assertThat(rgb(picture, wrong.x - 2, wrong.y + 40)).isEqualTo(Palette.WRONG.getRGB() & 0xffffff);
        assertThat(rgb(picture, right.x - 2, right.y + 40)).isEqualTo(0xffffff);
        Rectangle wrongCaption = new Rectangle(layout.cell(1).x, wrong.y + wrong.height + 4, layout.cellWidth(), 18);
        Rectangle rightCaption = new Rectangle(layout.cell(0).x, right.y + right.height + 4, layout.cellWidth(), 18);
        assertThat(Pictures.count(picture, Palette.WRONG, 40, wrongCaption)).isGreaterThan(20);
        assertThat(Pictures.count(picture, Palette.WRONG, 40, rightCaption)).isZero();
        assertThat(Pictures.count(picture, Palette.CORRECT, 40, rightCaption)).isGreaterThan(20);
    }

    @Test
    void barsRiseWithProbabilityAndMarkPredictedAndTrueClasses() {
        PredictionGrid grid = PredictionGrid.defaults();
        List<Predicted> items = List.of(RIGHT, WRONG);
        BufferedImage picture = grid.render(items);
        PredictionGrid.Layout layout = grid.layout(items);

        for (int cell = 0; cell < 2; cell++) {
            int[] heights = new int[FashionClass.COUNT];
            for (int c = 0; c < FashionClass.COUNT; c++) {
                heights[c] = barHeight(picture, layout.barSlot(cell, c));
            }
            int plot = layout.barSlot(cell, 0).height;
            assertThat(heights[7]).isCloseTo(Math.round(0.7f * plot), org.assertj.core.data.Offset.offset(1));
            assertThat(heights[5]).isCloseTo(Math.round(0.2f * plot), org.assertj.core.data.Offset.offset(1));
            assertThat(heights[0]).isZero();
            assertThat(heights[7]).isGreaterThan(heights[5]).isGreaterThan(heights[9]);
        }
        // Right: the predicted (= true) bar is blue. Wrong: predicted red, true blue, others grey.
        assertThat(barColor(picture, layout.barSlot(0, 7))).isEqualTo(Palette.CORRECT.getRGB() & 0xffffff);
        assertThat(barColor(picture, layout.barSlot(1, 7))).isEqualTo(Palette.WRONG.getRGB() & 0xffffff);
        assertThat(barColor(picture, layout.barSlot(1, 5))).isEqualTo(Palette.CORRECT.getRGB() & 0xffffff);
        assertThat(barColor(picture, layout.barSlot(1, 9))).isEqualTo(Palette.NEUTRAL.getRGB() & 0xffffff);
    }

    @Test
    void testImagesLandInTheirCells() {
        Dataset test = SyntheticData.blobs("test", 12, 3);
        float[] probabilities = new float[test.size() * FashionClass.COUNT];
        for (int i = 0; i < test.size(); i++) {
            probabilities[i * FashionClass.COUNT + (i % 3 == 0 ? (test.label(i) + 1) % 10 : test.label(i))] = 1;
        }
        List<Predicted> items = Predicted.of(test, probabilities, new int[] {2, 3, 4, 5});
        PredictionGrid grid = PredictionGrid.defaults().withColorMap(ColorMap.GREY).withBars(false).withColumns(2);
        BufferedImage picture = grid.render(items);
        PredictionGrid.Layout layout = grid.layout(items);

        assertThat(items.get(0).correct()).isTrue();
        assertThat(items.get(1).correct()).isFalse();
        assertThatThrownBy(() -> layout.barSlot(0, 0)).isInstanceOf(IllegalStateException.class);
        for (int k = 0; k < items.size(); k++) {
            Rectangle r = layout.image(k);
            byte[] pixels = test.image(2 + k);
            for (int y = 0; y < r.height; y += 3) {
                for (int x = 0; x < r.width; x += 3) {
                    assertThat(rgb(picture, r.x + x, r.y + y))
                            .isEqualTo(ColorMap.GREY.rgb(pixels[(y / 4) * Images.COLS + x / 4]));
                }
            }
        }
    }

    @Test
    void predictedRejectsMissingRowsAndBadShapes() {
        Dataset test = SyntheticData.blobs("test", 5, 3);
        assertThatThrownBy(() -> Predicted.of(test, new float[20], new int[] {2}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no prediction");
        assertThatThrownBy(() -> new Predicted(STRIPES, new Prediction(new float[3]), Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PredictionGrid.defaults().render(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PredictionGrid.defaults().withScale(2).layout(List.of(RIGHT)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unknownTruthDrawsPlainCaptionAndNoFrame() {
        PredictionGrid grid = PredictionGrid.defaults();
        BufferedImage picture = grid.render(List.of(UNKNOWN));
        PredictionGrid.Layout layout = grid.layout(List.of(UNKNOWN));
        Rectangle img = layout.image(0);
        assertThat(rgb(picture, img.x - 2, img.y + 40)).isEqualTo(0xffffff);
        assertThat(barColor(picture, layout.barSlot(0, 7))).isEqualTo(Palette.CORRECT.getRGB() & 0xffffff);
        assertThat(inked(picture, new Rectangle(layout.cell(0).x, img.y + img.height + 4, layout.cellWidth(), 18)))
                .isGreaterThan(20);
    }

    @Test
    void aPictureFromAFileIsNamedUnderItsCaption() {
        // Issue 16, item 18: the predictions PNG of 'fmnist predict a.png b.png' did not say which was which.
        Predicted named = UNKNOWN.withSource("/photos/summer/boot\n.png");
        assertThat(PredictionGrid.sourceLine(named)).isEqualTo("boot\\n.png");
        assertThat(PredictionGrid.sourceLine(UNKNOWN)).isNull();
        assertThat(PredictionGrid.sourceLine(UNKNOWN.withSource("x".repeat(100) + ".png")))
                .hasSize(PredictionGrid.SOURCE_LIMIT).startsWith("...").endsWith("x.png");

        PredictionGrid grid = PredictionGrid.defaults();
        PredictionGrid.Layout plain = grid.layout(List.of(UNKNOWN));
        PredictionGrid.Layout withName = grid.layout(List.of(named));
        assertThat(withName.cellHeight()).isGreaterThan(plain.cellHeight());
        BufferedImage picture = grid.render(List.of(named));
        Rectangle img = withName.image(0);
        int captionLine = img.y + img.height + 4;
        int secondLine = withName.cell(0).y + plain.cellHeight();
        assertThat(inked(picture, new Rectangle(withName.cell(0).x, secondLine, withName.cellWidth(),
                withName.cellHeight() - plain.cellHeight()))).as("the file name is drawn").isGreaterThan(20);
        assertThat(captionLine).isLessThan(secondLine);
    }

    /** Height of the coloured run rising from the bottom of a bar slot. */
    private static int barHeight(BufferedImage picture, Rectangle slot) {
        int x = (int) slot.getCenterX();
        int h = 0;
        for (int y = slot.y + slot.height - 1; y >= slot.y && rgb(picture, x, y) != 0xffffff; y--) {
            h++;
        }
        return h;
    }

    private static int barColor(BufferedImage picture, Rectangle slot) {
        return rgb(picture, (int) slot.getCenterX(), slot.y + slot.height - 2);
    }
}
