package dev.fmnist.viz.image;

import dev.fmnist.viz.Palette;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Java2D plumbing shared by the image renderers: blank canvases, fonts and centred text. */
final class Canvas {
    /** Captions. */
    static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Tick labels. */
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private static final BufferedImage SCRATCH = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private Canvas() {
    }

    /** A white RGB image of the given size. */
    static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A graphics context with antialiased text; the caller disposes it. */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Metrics of a font, for layout before any image exists. */
    static FontMetrics metrics(Font font) {
        Graphics2D g = graphics(SCRATCH);
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** Draws {@code text} centred on {@code centreX} with its top at {@code top}. */
    static void centred(Graphics2D g, String text, Font font, Color color, int centreX, int top) {
        FontMetrics fm = g.getFontMetrics(font);
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, centreX - fm.stringWidth(text) / 2, top + fm.getAscent());
    }

    /** Draws a frame of the given thickness just outside the rectangle (x, y, w, h). */
    static void frame(Graphics2D g, Color color, int thickness, int x, int y, int w, int h) {
        g.setColor(color);
        g.fillRect(x - thickness, y - thickness, w + 2 * thickness, thickness);
        g.fillRect(x - thickness, y + h, w + 2 * thickness, thickness);
        g.fillRect(x - thickness, y, thickness, h);
        g.fillRect(x + w, y, thickness, h);
    }
}
