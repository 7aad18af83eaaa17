package dev.fmnist.viz.image;

import static dev.fmnist.viz.testing.Pictures.inked;
import static dev.fmnist.viz.testing.Pictures.rgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.viz.testing.Pictures;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGridTest {
    private static final byte[] BLANK = Pictures.image((r, c) -> 0);
    private static final byte[] FULL = Pictures.image((r, c) -> 255);
    private static final byte[] TOP_HALF = Pictures.image((r, c) -> r < 14 ? 255 : 0);

    @Test
    void eachSyntheticImageLandsInItsCellPixelForPixel() {
        Dataset data = SyntheticData.blobs("grid", 25, 7);
        ImageGrid grid = ImageGrid.defaults().withColumns(5).withColorMap(ColorMap.GREY);
        int[] indices = Selection.first(data, 25);
        BufferedImage picture = grid.render(data, indices);
        ImageGrid.Layout layout = grid.layout(tiles(data, indices));

        assertThat(picture.getWidth()).isEqualTo(layout.width());
        assertThat(picture.getHeight()).isEqualTo(layout.height());
        assertThat(layout.columns()).isEqualTo(5);
        assertThat(layout.rows()).isEqualTo(5);
        for (int i : new int[] {0, 4, 12, 24}) {
            Rectangle cell = layout.image(i);
            byte[] pixels = data.image(i);
            for (int y = 0; y < cell.height; y++) {
                for (int x = 0; x < cell.width; x++) {
                    int expected = ColorMap.GREY.rgb(pixels[(y / 4) * Images.COLS + x / 4]);
                    assertThat(rgb(picture, cell.x + x, cell.y + y)).as("image %d at (%d, %d)", i, x, y)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void imagesAreScaledWithCrispSquares() {
        byte[] dot = Pictures.image((r, c) -> r == 3 && c == 5 ? 255 : 0);
        ImageGrid grid = ImageGrid.defaults().withScale(4).withColorMap(ColorMap.GREY);
        List<ImageGrid.Tile> tiles = List.of(new ImageGrid.Tile(dot, List.of(), Color.BLACK, null));
        BufferedImage picture = grid.render(tiles);
        Rectangle img = grid.layout(tiles).image(0);

        assertThat(img.width).isEqualTo(112);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 112; x++) {
                boolean inDot = x >= 20 && x < 24 && y >= 12 && y < 16;
                assertThat(rgb(picture, img.x + x, img.y + y)).isEqualTo(inDot ? 0xffffff : 0x000000);
            }
        }
    }

    @Test
    void cellsFollowTheGivenOrderLeftToRightThenDown() {
        List<ImageGrid.Tile> tiles = List.of(tile(FULL), tile(BLANK), tile(TOP_HALF));
        ImageGrid grid = ImageGrid.defaults().withColumns(2).withColorMap(ColorMap.GREY);
        BufferedImage picture = grid.render(tiles);
        ImageGrid.Layout layout = grid.layout(tiles);

        assertThat(layout.rows()).isEqualTo(2);
        assertThat(centre(picture, layout.image(0))).isEqualTo(0xffffff);
        assertThat(centre(picture, layout.image(1))).isEqualTo(0x000000);
        Rectangle third = layout.image(2);
        assertThat(third.y).isGreaterThan(layout.image(0).y + layout.image(0).height);
        assertThat(rgb(picture, third.x + 5, third.y + 5)).isEqualTo(0xffffff);
        assertThat(rgb(picture, third.x + 5, third.y + third.height - 5)).isEqualTo(0x000000);
        // The grid's background between cells stays white.
        assertThat(rgb(picture, 2, 2)).isEqualTo(0xffffff);
    }

    @Test
    void captionsAreDrawnUnderTheImagesAndFramesAroundThem() {
        ImageGrid grid = ImageGrid.defaults();
        List<ImageGrid.Tile> tiles = List.of(ImageGrid.Tile.labelled(BLANK, FashionClass.ANKLE_BOOT),
                new ImageGrid.Tile(BLANK, List.of(), Color.BLACK, Color.RED));
        BufferedImage picture = grid.render(tiles);
        ImageGrid.Layout layout = grid.layout(tiles);
        Rectangle first = layout.image(0);
        Rectangle second = layout.image(1);
        Rectangle captionBand = new Rectangle(first.x - 4, first.y + first.height + 3, first.width + 8, 18);
        Rectangle secondBand = new Rectangle(second.x - 4, second.y + second.height + 3, second.width + 8, 18);

        assertThat(inked(picture, captionBand)).isGreaterThan(30);
        assertThat(inked(picture, secondBand)).isZero();
        assertThat(rgb(picture, second.x - 1, second.y + 50)).isEqualTo(0xff0000);
        assertThat(rgb(picture, first.x - 1, first.y + 50)).isEqualTo(0xffffff);
    }

    @Test
    void cellsWidenForLongCaptions() {
        ImageGrid grid = ImageGrid.defaults();
        String longCaption = "a caption much wider than one hundred and twelve pixels";
        ImageGrid.Layout layout = grid.layout(List.of(new ImageGrid.Tile(BLANK, List.of(longCaption),
                Color.BLACK, null)));
        assertThat(layout.cellWidth()).isGreaterThan(200);
    }

    @Test
    void rejectsNothingToDrawAndBadIndices() {
        Dataset data = SyntheticData.blobs("small", 3, 1);
        assertThatThrownBy(() -> ImageGrid.defaults().render(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageGrid.defaults().render(data, new int[] {3}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("image 3");
        assertThatThrownBy(() -> ImageGrid.defaults().withColumns(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageGrid.Tile.labelled(new byte[10], FashionClass.BAG))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("784");
    }

    private static ImageGrid.Tile tile(byte[] pixels) {
        return new ImageGrid.Tile(pixels, List.of("x"), Color.BLACK, null);
    }

    private static List<ImageGrid.Tile> tiles(Dataset data, int[] indices) {
        return java.util.Arrays.stream(indices)
                .mapToObj(i -> ImageGrid.Tile.labelled(data.image(i), FashionClass.ofLabel(data.label(i)))).toList();
    }

    private static int centre(BufferedImage picture, Rectangle r) {
        return rgb(picture, (int) r.getCenterX(), (int) r.getCenterY());
    }
}
