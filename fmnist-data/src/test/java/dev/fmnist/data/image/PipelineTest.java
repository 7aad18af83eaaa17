package dev.fmnist.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stages on pictures made to exercise one problem each, and the warnings. */
class PipelineTest {
    private final ImagePreprocessor pre = ImagePreprocessor.defaults();

    /** A grey gradient from {@code left} to {@code right} with Gaussian noise, and a rectangle. */
    static BufferedImage gradient(int w, int h, int left, int right, double noise, int ink, int x, int y, int rw, int rh) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(1);
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                double v = left + (right - left) * px / (double) (w - 1);
                if (px >= x && px < x + rw && py >= y && py < y + rh) {
                    v = ink;
                }
                int g = (int) Math.max(0, Math.min(255, Math.round(v + rnd.nextGaussian() * noise)));
                image.setRGB(px, py, g * 0x10101);
            }
        }
        return image;
    }

    @Test
    void theBackgroundPlaneFollowsAGradientAndMeasuresTheNoise() {
        BufferedImage image = gradient(200, 100, 150, 250, 3, 20, 80, 20, 40, 60);
        GreyImage grey = GreyConversion.toGrey(image, 3);

        BackgroundModel model = BackgroundModel.fit(grey, 6);

        assertThat(model.b()).isCloseTo(100.0 / 199, org.assertj.core.data.Offset.offset(0.02));
        assertThat(model.c()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(model.a()).isCloseTo(150.0, org.assertj.core.data.Offset.offset(1.5));
        assertThat(model.noise()).isBetween(2.0, 4.0);
    }

    @Test
    void aDarkObjectOnAStrongGradientIsCroppedExactly() {
        // The old fixed-threshold pipeline took the whole picture: the dark end of the gradient stood out.
        BufferedImage image = gradient(300, 200, 110, 250, 4, 30, 120, 40, 50, 100);

        PreparedImage prepared = pre.prepare(image, "gradient");

        assertThat(prepared.inverted()).isTrue();
        assertThat(prepared.cropX()).isBetween(119, 121);
        assertThat(prepared.cropY()).isBetween(39, 41);
        assertThat(prepared.cropWidth()).isBetween(49, 52);
        assertThat(prepared.cropHeight()).isBetween(99, 102);
        assertThat(prepared.warnings()).isEmpty();
    }

    @Test
    void specksAndASoftShadowAreNotPartOfTheObject() {
        BufferedImage image = ImagePreprocessorTest.picture(300, 300, new Color(235, 235, 235), new Color(30, 30, 30),
                100, 60, 80, 150);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(205, 205, 205));          // a shadow below and right of the object
        g.fillRect(180, 80, 16, 150);
        g.fillRect(110, 210, 86, 16);
        g.setColor(Color.BLACK);                       // dust
        g.fillRect(20, 250, 2, 2);
        g.fillRect(260, 30, 1, 2);
        g.dispose();

        PreparedImage prepared = pre.prepare(image, "shadow");

        assertThat(prepared.cropX()).isBetween(99, 101);
        assertThat(prepared.cropY()).isBetween(59, 61);
        assertThat(prepared.cropWidth()).isBetween(79, 82);
        assertThat(prepared.cropHeight()).isBetween(149, 152);
    }

    @Test
    void aLightObjectOnAGreyGroundIsNotInverted() {
        BufferedImage image = ImagePreprocessorTest.picture(200, 200, new Color(150, 150, 150), new Color(245, 245, 245),
                50, 40, 60, 100);

        PreparedImage prepared = pre.prepare(image, "light");

        assertThat(prepared.inverted()).isFalse();
        assertThat(prepared.cropWidth()).isBetween(59, 62);
    }

    @Test
    void aCutOutOfALightGarmentIsCompositedOverBlack() {
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(240, 240, 240, 255));
        g.fillRect(20, 10, 20, 40);
        g.dispose();

        PreparedImage prepared = pre.prepare(image, "cut-out");

        assertThat(prepared.inverted()).isFalse();
        assertThat(prepared.cropX()).isEqualTo(20);
        assertThat(prepared.cropHeight()).isEqualTo(40);
    }

    @Test
    void transparencyTakesTheColourOfTheOpaqueBackground() {
        // A grey photo whose middle was erased to transparency: that hole is background, not an object.
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 100, 100);
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(5, 5, 30, 30);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        g.setColor(Color.WHITE);
        g.fillRect(50, 40, 30, 50);
        g.dispose();

        PreparedImage prepared = pre.prepare(image, "erased");

        assertThat(prepared.cropX()).isEqualTo(50);
        assertThat(prepared.cropY()).isEqualTo(40);
    }

    @Test
    void warnsAboutTinyObjects() {
        BufferedImage image = ImagePreprocessorTest.picture(12, 12, Color.WHITE, Color.BLACK, 3, 3, 5, 5);

        assertThat(pre.prepare(image, "tiny").warnings()).containsExactly(ImageWarning.TINY_OBJECT);
    }

    @Test
    void warnsAboutSeveralObjects() {
        BufferedImage image = ImagePreprocessorTest.picture(300, 200, Color.WHITE, Color.BLACK, 20, 40, 80, 120);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(180, 50, 70, 100);
        g.dispose();

        PreparedImage prepared = pre.prepare(image, "two");

        assertThat(prepared.warnings()).containsExactly(ImageWarning.SEVERAL_OBJECTS);
        assertThat(prepared.cropX()).isEqualTo(20);
    }

    @Test
    void warnsAboutObjectsTouchingTheBorder() {
        BufferedImage image = ImagePreprocessorTest.picture(200, 200, Color.WHITE, Color.BLACK, 60, 50, 80, 150);

        assertThat(pre.prepare(image, "cut").warnings()).containsExactly(ImageWarning.TOUCHES_BORDER);
    }

    @Test
    void warnsAboutLowContrast() {
        BufferedImage image = ImagePreprocessorTest.picture(200, 200, new Color(200, 200, 200),
                new Color(178, 178, 178), 60, 50, 80, 100);

        PreparedImage prepared = pre.prepare(image, "faint");

        assertThat(prepared.warnings()).containsExactly(ImageWarning.LOW_CONTRAST);
        assertThat(prepared.cropWidth()).isEqualTo(80);
    }

    @Test
    void aCleanPhotoHasNoWarnings() {
        BufferedImage image = ImagePreprocessorTest.picture(300, 300, Color.WHITE, Color.BLACK, 80, 60, 120, 180);

        assertThat(pre.prepare(image, "clean").warnings()).isEmpty();
    }

    @Test
    void orientationsTurnStoredPixelsUpright() {
        // 3x2 upright picture with distinct pixels; each orientation's stored form must come back.
        BufferedImage upright = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < 6; i++) {
            upright.setRGB(i % 3, i / 3, 0xff000000 | (i + 1) * 20);
        }
        for (Orientation o : Orientation.values()) {
            BufferedImage stored = dev.fmnist.data.photos.PhotoGenerator.stored(upright, o.tag());
            BufferedImage back = o.apply(stored);
            assertThat(back.getWidth()).as(o.name()).isEqualTo(3);
            for (int i = 0; i < 6; i++) {
                assertThat(back.getRGB(i % 3, i / 3) & 0xffffff).as(o.name() + " pixel " + i).isEqualTo((i + 1) * 20);
            }
        }
    }
}
