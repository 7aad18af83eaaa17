package dev.fmnist.viz.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CropViewTest {
    @Test
    void drawsTheBoxOverTheOriginalAndTheInputBeside() {
        BufferedImage photo = new BufferedImage(200, 140, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 140);
        g.dispose();
        byte[] pixels = new byte[784];
        pixels[14 * 28 + 14] = (byte) 255;

        BufferedImage view = CropView.defaults().render(photo, new Rectangle(50, 20, 100, 100), pixels, "photo");

        // Photo scaled by 2 (280/140): the box's left edge at x = 12 + 100, from y = top + 40.
        int top = 12 + Canvas.metrics(Canvas.CAPTION).getHeight() + 4;
        assertThat(new Color(view.getRGB(112, top + 100)).getRed()).isGreaterThan(200);
        assertThat(new Color(view.getRGB(112, top + 100)).getGreen()).isLessThan(80);
        assertThat(view.getRGB(112 + 30, top + 100)).isEqualTo(Color.WHITE.getRGB());
        // The input panel starts right of the photo (12 + 400 + 12): black background, the one white pixel.
        int right = 12 + 400 + 12;
        assertThat(view.getRGB(right + 5, top + 5) & 0xffffff).isZero();
        assertThat(view.getRGB(right + 14 * 10 + 5, top + 14 * 10 + 5) & 0xffffff).isEqualTo(0xffffff);
    }
}
