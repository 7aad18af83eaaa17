package dev.fmnist.viz.image;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.viz.Palette;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grid of images with captions, like the tutorial's 5x5 {@code plt.imshow} grid of training images. Any
 * number of images, any subset (see {@link Selection}); images are scaled up with nearest neighbour so
 * pixels stay crisp. Immutable: configure with the {@code with...} methods, then {@link #render}.
 *
 * <pre>{@code
 * BufferedImage grid = ImageGrid.defaults().withColumns(10).render(train, Selection.first(train, 25));
 * }</pre>
 */
public final class ImageGrid {
    private static final int PADDING = 10;
    private static final int CAPTION_GAP = 4;
    private static final int BORDER = 3;

    /**
     * One cell of the grid.
     *
     * @param pixels the 784 unsigned pixels of the image
     * @param caption caption lines drawn under the image (may be empty)
     * @param captionColor colour of the caption text
     * @param border colour of a frame around the image, or null for none
     */
    public record Tile(byte[] pixels, List<String> caption, Color captionColor, Color border) {
        public Tile {
            Pixels.check(pixels);
            caption = List.copyOf(caption);
            Objects.requireNonNull(captionColor, "captionColor");
        }

        /** An image captioned with a class name, as in the tutorial. */
        public static Tile labelled(byte[] pixels, FashionClass fashionClass) {
            return new Tile(pixels, List.of(fashionClass.displayName()), Palette.TEXT, null);
        }
    }

    /**
     * Where things are in a rendered grid.
     *
     * @param width picture width in pixels
     * @param height picture height in pixels
     * @param columns cells per row
     * @param rows rows of cells
     * @param cellWidth width of a cell
     * @param cellHeight height of a cell (image plus captions)
     * @param imageSize side of each scaled image
     */
    public record Layout(int width, int height, int columns, int rows, int cellWidth, int cellHeight,
            int imageSize) {
        /** The bounds of tile {@code index}'s scaled image (left to right, then top to bottom). */
        public Rectangle image(int index) {
            int col = index % columns;
            int row = index / columns;
            int x = PADDING + col * (cellWidth + PADDING) + (cellWidth - imageSize) / 2;
            int y = PADDING + row * (cellHeight + PADDING);
            return new Rectangle(x, y, imageSize, imageSize);
        }
    }

    private final int columns;
    private final int scale;
    private final ColorMap colorMap;

    private ImageGrid(int columns, int scale, ColorMap colorMap) {
        if (columns < 1) {
            throw new InvalidInputException("a grid needs at least one column, got " + columns);
        }
        this.columns = columns;
        this.scale = Pixels.checkScale(scale);
        this.colorMap = Objects.requireNonNull(colorMap, "colorMap");
    }

    /** Five columns, 4x scale (28 to 112 pixels), the tutorial's {@link ColorMap#BINARY} map. */
    public static ImageGrid defaults() {
        return new ImageGrid(5, 4, ColorMap.BINARY);
    }

    /** The same grid with at most {@code value} cells per row. */
    public ImageGrid withColumns(int value) {
        return new ImageGrid(value, scale, colorMap);
    }

    /** The same grid with each image pixel drawn as a {@code value x value} square. */
    public ImageGrid withScale(int value) {
        return new ImageGrid(columns, value, colorMap);
    }

    /** The same grid in another colour map. */
    public ImageGrid withColorMap(ColorMap value) {
        return new ImageGrid(columns, scale, value);
    }

    /** Images {@code indices} of {@code data}, each captioned with its class name. */
    public BufferedImage render(Dataset data, int[] indices) {
        List<Tile> tiles = new ArrayList<>(indices.length);
        for (int index : indices) {
            checkIndex(data, index);
            tiles.add(Tile.labelled(data.image(index), FashionClass.ofLabel(data.label(index))));
        }
        return render(tiles);
    }

    /** The tiles, left to right and top to bottom. */
    public BufferedImage render(List<Tile> tiles) {
        Layout layout = layout(tiles);
        BufferedImage out = Canvas.blank(layout.width(), layout.height());
        Graphics2D g = Canvas.graphics(out);
        try {
            FontMetrics fm = g.getFontMetrics(Canvas.CAPTION);
            for (int i = 0; i < tiles.size(); i++) {
                Tile tile = tiles.get(i);
                Rectangle r = layout.image(i);
                Pixels.paint(tile.pixels(), colorMap, scale, out, r.x, r.y);
                if (tile.border() != null) {
                    Canvas.frame(g, tile.border(), BORDER, r.x, r.y, r.width, r.height);
                }
                int top = r.y + r.height + CAPTION_GAP + BORDER;
                for (String line : tile.caption()) {
                    Canvas.centred(g, line, Canvas.CAPTION, tile.captionColor(), (int) r.getCenterX(), top);
                    top += fm.getHeight();
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The geometry {@link #render(List)} uses for these tiles. */
    public Layout layout(List<Tile> tiles) {
        if (tiles.isEmpty()) {
            throw new InvalidInputException("nothing to draw: the grid has no images");
        }
        FontMetrics fm = Canvas.metrics(Canvas.CAPTION);
        int imageSize = Images.COLS * scale;
        int cellWidth = imageSize + 2 * BORDER;
        int lines = 0;
        for (Tile t : tiles) {
            lines = Math.max(lines, t.caption().size());
            for (String line : t.caption()) {
                cellWidth = Math.max(cellWidth, fm.stringWidth(line) + 4);
            }
        }
        int cellHeight = imageSize + BORDER + (lines == 0 ? 0 : CAPTION_GAP + lines * fm.getHeight());
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        return new Layout(PADDING + cols * (cellWidth + PADDING), PADDING + rows * (cellHeight + PADDING), cols,
                rows, cellWidth, cellHeight, imageSize);
    }

    static void checkIndex(Dataset data, int index) {
        if (index < 0 || index >= data.size()) {
            throw new InvalidInputException("image " + index + " is outside " + data.name() + " (0.."
                    + (data.size() - 1) + ")");
        }
    }
}
