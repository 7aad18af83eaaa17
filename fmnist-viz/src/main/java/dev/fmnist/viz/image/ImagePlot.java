package dev.fmnist.viz.image;

import dev.fmnist.api.data.Images;
import dev.fmnist.viz.Palette;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One image, large, optionally titled and with a colour bar mapping colours back to pixel values 0..255:
 * the tutorial's first {@code plt.imshow(train_images[0]); plt.colorbar()}. Immutable.
 *
 * <pre>{@code
 * BufferedImage picture = ImagePlot.defaults().render(train.image(0), "Ankle boot");
 * }</pre>
 */
public final class ImagePlot {
    private static final int PADDING = 12;
    private static final int BAR_GAP = 12;
    private static final int BAR_WIDTH = 16;
    private static final int TICK = 4;

    /**
     * Where things are in a rendered plot.
     *
     * @param width picture width
     * @param height picture height
     * @param image bounds of the scaled image
     * @param colorBar bounds of the colour bar (top is pixel value 255), or null without one
     */
    public record Layout(int width, int height, Rectangle image, Rectangle colorBar) {
    }

    private final int scale;
    private final ColorMap colorMap;
    private final boolean colorBar;

    private ImagePlot(int scale, ColorMap colorMap, boolean colorBar) {
        this.scale = Pixels.checkScale(scale);
        this.colorMap = Objects.requireNonNull(colorMap, "colorMap");
        this.colorBar = colorBar;
    }

    /** 10x scale (280 pixels), {@link ColorMap#VIRIDIS}, with a colour bar, as in the tutorial. */
    public static ImagePlot defaults() {
        return new ImagePlot(10, ColorMap.VIRIDIS, true);
    }

    /** The same plot with each image pixel drawn as a {@code value x value} square. */
    public ImagePlot withScale(int value) {
        return new ImagePlot(value, colorMap, colorBar);
    }

    /** The same plot in another colour map. */
    public ImagePlot withColorMap(ColorMap value) {
        return new ImagePlot(scale, value, colorBar);
    }

    /** The same plot with or without the colour bar. */
    public ImagePlot withColorBar(boolean value) {
        return new ImagePlot(scale, colorMap, value);
    }

    /** The image without a title. */
    public BufferedImage render(byte[] pixels) {
        return render(pixels, null);
    }

    /** The image with a title above it (null for none). */
    public BufferedImage render(byte[] pixels, String title) {
        Pixels.check(pixels);
        Layout layout = layout(title);
        BufferedImage out = Canvas.blank(layout.width(), layout.height());
        Pixels.paint(pixels, colorMap, scale, out, layout.image().x, layout.image().y);
        Graphics2D g = Canvas.graphics(out);
        try {
            if (title != null) {
                Canvas.centred(g, title, Canvas.CAPTION, Palette.TEXT, (int) layout.image().getCenterX(), PADDING);
            }
            if (layout.colorBar() != null) {
                drawColorBar(g, layout.colorBar());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private void drawColorBar(Graphics2D g, Rectangle bar) {
        for (int y = 0; y < bar.height; y++) {
            int value = (int) Math.round(255.0 * (bar.height - 1 - y) / Math.max(1, bar.height - 1));
            g.setColor(new java.awt.Color(colorMap.rgb(value)));
            g.fillRect(bar.x, bar.y + y, bar.width, 1);
        }
        FontMetrics fm = g.getFontMetrics(Canvas.SMALL);
        g.setFont(Canvas.SMALL);
        g.setColor(Palette.TEXT);
        for (int value = 0; value <= 250; value += 50) {
            int y = bar.y + (int) Math.round((bar.height - 1) * (1 - value / 255.0));
            g.fillRect(bar.x + bar.width, y, TICK, 1);
            g.drawString(Integer.toString(value), bar.x + bar.width + TICK + 2, y + fm.getAscent() / 2 - 1);
        }
    }

    /** The geometry {@link #render(byte[], String)} uses. */
    public Layout layout(String title) {
        FontMetrics caption = Canvas.metrics(Canvas.CAPTION);
        int size = Images.COLS * scale;
        int top = PADDING + (title == null ? 0 : caption.getHeight() + 4);
        Rectangle image = new Rectangle(PADDING, top, size, size);
        int width = PADDING + size + PADDING;
        Rectangle bar = null;
        if (colorBar) {
            bar = new Rectangle(image.x + size + BAR_GAP, top, BAR_WIDTH, size);
            width = bar.x + BAR_WIDTH + TICK + 2 + Canvas.metrics(Canvas.SMALL).stringWidth("250") + PADDING;
        }
        if (title != null) {
            width = Math.max(width, caption.stringWidth(title) + 2 * PADDING);
        }
        return new Layout(width, top + size + PADDING, image, bar);
    }
}
