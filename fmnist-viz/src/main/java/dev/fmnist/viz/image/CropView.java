package dev.fmnist.viz.image;

import dev.fmnist.api.data.Images;
import dev.fmnist.viz.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * What the model saw, beside where it came from: the original picture (scaled to fit, upright) with the
 * crop box drawn over it, and the 28x28 input the picture became, enlarged, side by side. Immutable.
 *
 * <pre>{@code
 * BufferedImage view = CropView.defaults().render(photo, new Rectangle(40, 30, 200, 260), pixels, "boot.jpg");
 * }</pre>
 */
public final class CropView {
    private static final int PADDING = 12;
    private static final Color BOX = new Color(230, 40, 40);

    private final int height;
    private final ColorMap colorMap;

    private CropView(int height, ColorMap colorMap) {
        if (height < Images.ROWS) {
            throw new IllegalArgumentException("height must be at least " + Images.ROWS + ", got " + height);
        }
        this.height = height;
        this.colorMap = Objects.requireNonNull(colorMap, "colorMap");
    }

    /** Both panels 280 pixels high, the input in grey (white ink on black, as the model sees it). */
    public static CropView defaults() {
        return new CropView(280, ColorMap.GREY);
    }

    /** The same view with panels {@code value} pixels high. */
    public CropView withHeight(int value) {
        return new CropView(value, colorMap);
    }

    /**
     * The side-by-side picture.
     *
     * @param original the upright picture
     * @param box the crop box in the original's pixels
     * @param pixels the 784 pixels of the 28x28 input
     * @param title a caption above both panels (null for none)
     */
    public BufferedImage render(BufferedImage original, Rectangle box, byte[] pixels, String title) {
        Pixels.check(pixels);
        double fit = Math.min((double) height / original.getHeight(), 2.0 * height / original.getWidth());
        int ow = Math.max(1, (int) Math.round(original.getWidth() * fit));
        int oh = Math.max(1, (int) Math.round(original.getHeight() * fit));
        int scale = Math.max(1, height / Images.ROWS);
        int side = Images.ROWS * scale;
        int top = PADDING + (title == null ? 0 : Canvas.metrics(Canvas.CAPTION).getHeight() + 4);
        int labels = Canvas.metrics(Canvas.SMALL).getHeight() + 4;
        int width = PADDING + ow + PADDING + side + PADDING;
        BufferedImage out = Canvas.blank(width, top + Math.max(oh, side) + labels + PADDING);
        Graphics2D g = Canvas.graphics(out);
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(original, PADDING, top, ow, oh, null);
            g.setColor(BOX);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(PADDING + (int) Math.round(box.x * fit), top + (int) Math.round(box.y * fit),
                    Math.max(1, (int) Math.round(box.width * fit)), Math.max(1, (int) Math.round(box.height * fit)));
            int right = PADDING + ow + PADDING;
            Pixels.paint(pixels, colorMap, scale, out, right, top);
            if (title != null) {
                Canvas.centred(g, title, Canvas.CAPTION, Palette.TEXT, width / 2, PADDING);
            }
            int below = top + Math.max(oh, side) + 2;
            Canvas.centred(g, original.getWidth() + "x" + original.getHeight() + ", crop box in red", Canvas.SMALL,
                    Palette.TEXT, PADDING + ow / 2, below);
            Canvas.centred(g, "28x28 input", Canvas.SMALL, Palette.TEXT, right + side / 2, below);
        } finally {
            g.dispose();
        }
        return out;
    }
}
