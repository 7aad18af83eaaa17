package dev.fmnist.viz.image;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.text.SafeText;
import dev.fmnist.viz.Palette;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Test images with what the model predicted, as the TensorFlow tutorial draws them with
 * {@code plot_image} and {@code plot_value_array}: each image is captioned
 * {@code "Predicted 97% (True)"} in blue when right and red when wrong (wrong images also get a red frame),
 * and beside it ten probability bars: the predicted class's bar blue when right and red when wrong, the true
 * class's bar blue, the others grey. Immutable; configure with {@code with...}, then {@link #render}.
 *
 * <pre>{@code
 * List<Predicted> items = Predicted.of(test, model.predict(test.scaledImages(0, 15), 15), Selection.first(test, 15));
 * BufferedImage picture = PredictionGrid.defaults().render(items);
 * }</pre>
 */
public final class PredictionGrid {
    private static final int PADDING = 12;
    private static final int GAP = 8;
    private static final int BORDER = 3;
    private static final int CAPTION_GAP = 4;
    private static final int TICK_SPACE = 13;
    /** Characters drawn of a source line (a file name); longer ones keep their end, where the name is. */
    static final int SOURCE_LIMIT = 28;

    /**
     * Where things are in a rendered grid.
     *
     * @param width picture width
     * @param height picture height
     * @param columns cells per row
     * @param rows rows of cells
     * @param cellWidth width of a cell (image, bars and caption)
     * @param cellHeight height of a cell
     * @param imageSize side of each scaled image
     * @param bars whether probability bars are drawn
     */
    public record Layout(int width, int height, int columns, int rows, int cellWidth, int cellHeight,
            int imageSize, boolean bars) {
        /** Bounds of cell {@code index}. */
        public Rectangle cell(int index) {
            return new Rectangle(PADDING + (index % columns) * (cellWidth + PADDING),
                    PADDING + (index / columns) * (cellHeight + PADDING), cellWidth, cellHeight);
        }

        /** Bounds of cell {@code index}'s scaled image. */
        public Rectangle image(int index) {
            Rectangle cell = cell(index);
            int content = imageSize + (bars ? GAP + imageSize : 0);
            return new Rectangle(cell.x + (cellWidth - content) / 2, cell.y + BORDER, imageSize, imageSize);
        }

        /**
         * The column class {@code label}'s bar may fill in cell {@code index}: the bar rises from the bottom
         * of this rectangle to a height proportional to its probability.
         *
         * @throws IllegalStateException if the grid has no bars
         */
        public Rectangle barSlot(int index, int label) {
            if (!bars) {
                throw new IllegalStateException("this grid has no probability bars");
            }
            Rectangle img = image(index);
            int plotHeight = imageSize - TICK_SPACE;
            double slot = imageSize / (double) FashionClass.COUNT;
            int x0 = img.x + imageSize + GAP + (int) Math.round(label * slot + slot * 0.15);
            int x1 = img.x + imageSize + GAP + (int) Math.round(label * slot + slot * 0.85);
            return new Rectangle(x0, img.y, Math.max(1, x1 - x0), plotHeight);
        }
    }

    private final int columns;
    private final int scale;
    private final ColorMap colorMap;
    private final boolean bars;

    private PredictionGrid(int columns, int scale, ColorMap colorMap, boolean bars) {
        if (columns < 1) {
            throw new InvalidInputException("a grid needs at least one column, got " + columns);
        }
        this.columns = columns;
        this.scale = Pixels.checkScale(scale);
        this.colorMap = Objects.requireNonNull(colorMap, "colorMap");
        this.bars = bars;
    }

    /** Three columns, 4x scale, {@link ColorMap#BINARY}, with probability bars: the tutorial's 5x3 figure. */
    public static PredictionGrid defaults() {
        return new PredictionGrid(3, 4, ColorMap.BINARY, true);
    }

    /** The same grid with at most {@code value} cells per row. */
    public PredictionGrid withColumns(int value) {
        return new PredictionGrid(value, scale, colorMap, bars);
    }

    /** The same grid with each image pixel drawn as a {@code value x value} square. */
    public PredictionGrid withScale(int value) {
        return new PredictionGrid(columns, value, colorMap, bars);
    }

    /** The same grid in another colour map. */
    public PredictionGrid withColorMap(ColorMap value) {
        return new PredictionGrid(columns, scale, value, bars);
    }

    /** The same grid with or without the probability bars beside each image. */
    public PredictionGrid withBars(boolean value) {
        return new PredictionGrid(columns, scale, colorMap, value);
    }

    /** The caption of one image: {@code "Sneaker 97% (Sandal)"}, or without the parenthesis if the truth is unknown. */
    public static String caption(Predicted p) {
        String head = String.format(Locale.ROOT, "%s %.0f%%", p.prediction().best().displayName(),
                100.0 * p.confidence());
        return p.truth().map(t -> head + " (" + t.displayName() + ")").orElse(head);
    }

    /**
     * The line under the caption naming the image's source: its file name (not the directories), control
     * characters escaped, at most {@link #SOURCE_LIMIT} characters; null when the image has none.
     */
    public static String sourceLine(Predicted p) {
        if (p.source() == null) {
            return null;
        }
        String name = p.source();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = SafeText.escape(slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name);
        return name.length() <= SOURCE_LIMIT ? name : "..." + name.substring(name.length() - SOURCE_LIMIT + 3);
    }

    /** The colour of an image's caption (and frame): blue when right, red when wrong, plain when unknown. */
    public static Color verdictColor(Predicted p) {
        if (p.truth().isEmpty()) {
            return Palette.TEXT;
        }
        return p.correct() ? Palette.CORRECT : Palette.WRONG;
    }

    /** The predictions, left to right and top to bottom. */
    public BufferedImage render(List<Predicted> items) {
        Layout layout = layout(items);
        BufferedImage out = Canvas.blank(layout.width(), layout.height());
        Graphics2D g = Canvas.graphics(out);
        try {
            for (int i = 0; i < items.size(); i++) {
                Predicted p = items.get(i);
                Rectangle img = layout.image(i);
                Pixels.paint(p.pixels(), colorMap, scale, out, img.x, img.y);
                if (p.truth().isPresent() && !p.correct()) {
                    Canvas.frame(g, Palette.WRONG, BORDER, img.x, img.y, img.width, img.height);
                }
                if (bars) {
                    drawBars(g, layout, i, p);
                }
                Rectangle cell = layout.cell(i);
                Canvas.centred(g, caption(p), Canvas.CAPTION, verdictColor(p), (int) cell.getCenterX(),
                        img.y + img.height + BORDER + CAPTION_GAP);
                String source = sourceLine(p);
                if (source != null) {
                    Canvas.centred(g, source, Canvas.CAPTION, Palette.TEXT, (int) cell.getCenterX(),
                            img.y + img.height + BORDER + CAPTION_GAP + Canvas.metrics(Canvas.CAPTION).getHeight());
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void drawBars(Graphics2D g, Layout layout, int index, Predicted p) {
        float[] probabilities = p.prediction().probabilities();
        int predicted = p.prediction().best().label();
        int truth = p.truth().map(FashionClass::label).orElse(-1);
        Rectangle first = layout.barSlot(index, 0);
        Rectangle img = layout.image(index);
        int left = img.x + img.width + GAP;
        int baseline = first.y + first.height;
        g.setColor(Palette.NEUTRAL);
        g.fillRect(left, baseline, layout.imageSize(), 1);
        for (int c = 0; c < FashionClass.COUNT; c++) {
            Rectangle slot = layout.barSlot(index, c);
            Color color = Palette.NEUTRAL;
            if (c == predicted) {
                color = truth < 0 || truth == predicted ? Palette.CORRECT : Palette.WRONG;
            }
            if (c == truth) {
                color = Palette.CORRECT;
            }
            int h = (int) Math.round(Math.max(0, Math.min(1, probabilities[c])) * slot.height);
            g.setColor(color);
            g.fillRect(slot.x, baseline - h, slot.width, h);
            Canvas.centred(g, Integer.toString(c), Canvas.SMALL, Palette.TEXT, (int) slot.getCenterX(), baseline + 1);
        }
    }

    /** The geometry {@link #render} uses for these items. */
    public Layout layout(List<Predicted> items) {
        if (items.isEmpty()) {
            throw new InvalidInputException("nothing to draw: no predictions");
        }
        FontMetrics fm = Canvas.metrics(Canvas.CAPTION);
        int imageSize = Images.COLS * scale;
        if (bars && imageSize < 60) {
            throw new InvalidInputException("probability bars need an image scale of at least 3, got " + scale);
        }
        int cellWidth = (bars ? 2 * imageSize + GAP : imageSize) + 2 * BORDER;
        boolean sources = false;
        for (Predicted p : items) {
            cellWidth = Math.max(cellWidth, fm.stringWidth(caption(p)) + 4);
            String source = sourceLine(p);
            if (source != null) {
                sources = true;
                cellWidth = Math.max(cellWidth, fm.stringWidth(source) + 4);
            }
        }
        int cellHeight = imageSize + 2 * BORDER + CAPTION_GAP + fm.getHeight() * (sources ? 2 : 1);
        int cols = Math.min(columns, items.size());
        int rows = (items.size() + cols - 1) / cols;
        return new Layout(PADDING + cols * (cellWidth + PADDING), PADDING + rows * (cellHeight + PADDING), cols,
                rows, cellWidth, cellHeight, imageSize, bars);
    }
}
