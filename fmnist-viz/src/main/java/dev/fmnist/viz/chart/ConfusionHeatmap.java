package dev.fmnist.viz.chart;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.viz.Palette;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The confusion matrix as a heatmap: true classes as rows, predicted classes as columns, class names on
 * both axes, the count in every cell, colour rising from white to dark blue with the count, and the count
 * in white on dark cells and in black on light ones. Drawn with Java2D so cell geometry is exact
 * ({@link #layout()}). Immutable.
 *
 * <pre>{@code
 * BufferedImage heatmap = ConfusionHeatmap.defaults().render(evaluation);
 * }</pre>
 */
public final class ConfusionHeatmap {
    private static final int K = FashionClass.COUNT;
    private static final int MARGIN = 14;
    private static final int LABEL_GAP = 6;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font COUNT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Light to dark blue, after ColorBrewer's "Blues". */
    private static final int[] BLUES = {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5,
        0x08519c, 0x08306b};
    private static final BufferedImage SCRATCH = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    /** How counts map to colour intensity. */
    public enum Scale {
        /** Intensity proportional to the count. */
        LINEAR,
        /**
         * Intensity proportional to the square root of the count: the diagonal (hundreds) stays darkest while
         * the off-diagonal mistakes (tens) remain visible.
         */
        SQRT
    }

    /**
     * Where things are in a rendered heatmap.
     *
     * @param width picture width
     * @param height picture height
     * @param left x of the first column
     * @param top y of the first row
     * @param cellSize side of a cell
     */
    public record Layout(int width, int height, int left, int top, int cellSize) {
        /** Bounds of the cell of true class {@code actual} and predicted class {@code predicted}. */
        public Rectangle cell(int actual, int predicted) {
            return new Rectangle(left + predicted * cellSize, top + actual * cellSize, cellSize, cellSize);
        }
    }

    private final int cellSize;
    private final Scale scale;

    private ConfusionHeatmap(int cellSize, Scale scale) {
        if (cellSize < 20 || cellSize > 200) {
            throw new InvalidInputException("heatmap cell size must be 20..200 pixels, got " + cellSize);
        }
        this.cellSize = cellSize;
        this.scale = scale;
    }

    /** 52-pixel cells, square-root colour scale. */
    public static ConfusionHeatmap defaults() {
        return new ConfusionHeatmap(52, Scale.SQRT);
    }

    /** The same heatmap with other cells. */
    public ConfusionHeatmap withCellSize(int value) {
        return new ConfusionHeatmap(value, scale);
    }

    /** The same heatmap with another colour scale. */
    public ConfusionHeatmap withScale(Scale value) {
        return new ConfusionHeatmap(cellSize, value);
    }

    /** The heatmap of an evaluation's confusion matrix, titled with its accuracy. */
    public BufferedImage render(Evaluation evaluation) {
        return render(evaluation.confusion(), String.format(Locale.ROOT, "Confusion matrix (%d images, accuracy %.2f%%)",
                evaluation.count(), 100 * evaluation.accuracy()));
    }

    /**
     * The heatmap of {@code confusion[true][predicted]} counts with a title (null for none).
     *
     * @throws InvalidInputException unless the matrix is 10x10 with no negative count
     */
    public BufferedImage render(long[][] confusion, String title) {
        long max = check(confusion);
        Layout layout = layout();
        BufferedImage out = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, layout.width(), layout.height());
            if (title != null) {
                g.setFont(TITLE);
                g.setColor(Palette.TEXT);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(title, Math.max(MARGIN, layout.left() + (K * cellSize - fm.stringWidth(title)) / 2),
                        MARGIN + fm.getAscent());
            }
            drawCells(g, layout, confusion, max);
            drawLabels(g, layout);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The colour of a cell holding {@code count} when the largest count is {@code max}. */
    public Color color(long count, long max) {
        double t = max <= 0 ? 0 : (double) count / max;
        if (scale == Scale.SQRT) {
            t = Math.sqrt(t);
        }
        double position = Math.max(0, Math.min(1, t)) * (BLUES.length - 1);
        int lo = Math.min((int) position, BLUES.length - 2);
        double f = position - lo;
        int a = BLUES[lo];
        int b = BLUES[lo + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textColor(Color background) {
        double luminance = (0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue()) / 255;
        return luminance < 0.5 ? Color.WHITE : Palette.TEXT;
    }

    private void drawCells(Graphics2D g, Layout layout, long[][] confusion, long max) {
        g.setFont(COUNT);
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t < K; t++) {
            for (int p = 0; p < K; p++) {
                Rectangle r = layout.cell(t, p);
                Color fill = color(confusion[t][p], max);
                g.setColor(fill);
                g.fillRect(r.x, r.y, r.width, r.height);
                String text = Long.toString(confusion[t][p]);
                g.setColor(textColor(fill));
                g.drawString(text, r.x + (r.width - fm.stringWidth(text)) / 2,
                        r.y + (r.height - fm.getHeight()) / 2 + fm.getAscent());
            }
        }
        g.setColor(Charts.GRID);
        g.drawRect(layout.left() - 1, layout.top() - 1, K * cellSize + 1, K * cellSize + 1);
    }

    private void drawLabels(Graphics2D g, Layout layout) {
        g.setFont(LABEL);
        g.setColor(Palette.TEXT);
        FontMetrics fm = g.getFontMetrics();
        int gridBottom = layout.top() + K * cellSize;
        for (FashionClass c : FashionClass.values()) {
            String name = c.displayName();
            Rectangle row = layout.cell(c.label(), 0);
            g.drawString(name, layout.left() - LABEL_GAP - fm.stringWidth(name),
                    row.y + (row.height - fm.getHeight()) / 2 + fm.getAscent());
            Rectangle col = layout.cell(0, c.label());
            AffineTransform saved = g.getTransform();
            // Column labels run bottom-up so long names fit under narrow cells.
            g.translate(col.x + (col.width + fm.getAscent()) / 2.0 - fm.getDescent(),
                    gridBottom + LABEL_GAP + fm.stringWidth(name));
            g.rotate(-Math.PI / 2);
            g.drawString(name, 0, 0);
            g.setTransform(saved);
        }
        g.setFont(AXIS);
        FontMetrics axis = g.getFontMetrics();
        String predicted = "Predicted class";
        g.drawString(predicted, layout.left() + (K * cellSize - axis.stringWidth(predicted)) / 2,
                layout.height() - MARGIN - axis.getDescent());
        String actual = "True class";
        AffineTransform saved = g.getTransform();
        g.translate(MARGIN + axis.getAscent(), layout.top() + (K * cellSize + axis.stringWidth(actual)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(actual, 0, 0);
        g.setTransform(saved);
    }

    /** The geometry {@link #render} uses. */
    public Layout layout() {
        Graphics2D g = SCRATCH.createGraphics();
        try {
            FontMetrics label = g.getFontMetrics(LABEL);
            FontMetrics axis = g.getFontMetrics(AXIS);
            FontMetrics title = g.getFontMetrics(TITLE);
            int longest = 0;
            for (FashionClass c : FashionClass.values()) {
                longest = Math.max(longest, label.stringWidth(c.displayName()));
            }
            int left = MARGIN + axis.getHeight() + LABEL_GAP + longest + LABEL_GAP;
            int top = MARGIN + title.getHeight() + 10;
            int width = left + K * cellSize + MARGIN;
            int height = top + K * cellSize + LABEL_GAP + longest + LABEL_GAP + axis.getHeight() + MARGIN;
            return new Layout(width, height, left, top, cellSize);
        } finally {
            g.dispose();
        }
    }

    private static long check(long[][] confusion) {
        if (confusion == null || confusion.length != K) {
            throw new InvalidInputException("a confusion matrix is " + K + "x" + K);
        }
        long max = 0;
        for (long[] row : confusion) {
            if (row == null || row.length != K) {
                throw new InvalidInputException("a confusion matrix is " + K + "x" + K);
            }
            for (long v : row) {
                if (v < 0) {
                    throw new InvalidInputException("a confusion matrix has no negative counts, got " + v);
                }
                max = Math.max(max, v);
            }
        }
        return max;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }
}
