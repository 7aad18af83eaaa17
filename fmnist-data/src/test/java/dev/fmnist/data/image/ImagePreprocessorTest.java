package dev.fmnist.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePreprocessorTest {
    private final ImagePreprocessor pre = ImagePreprocessor.defaults();

    @TempDir
    Path dir;

    /** A {@code w x h} picture of one background colour with a filled rectangle. */
    static BufferedImage picture(int w, int h, Color background, Color ink, int x, int y, int rw, int rh) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, w, h);
        g.setColor(ink);
        g.fillRect(x, y, rw, rh);
        g.dispose();
        return image;
    }

    /** {x, y, w, h} of the pixels above {@code level} in a 28x28 image. */
    static int[] box(byte[] pixels, int level) {
        int minX = 28;
        int minY = 28;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if ((pixels[y * 28 + x] & 0xff) > level) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    static int at(byte[] pixels, int x, int y) {
        return pixels[y * Images.COLS + x] & 0xff;
    }

    @Test
    void darkRectangleOnLightBecomesLightOnDarkCroppedAndCentred() {
        // An off-centre 40x80 dark-grey rectangle on a white 300x200 picture.
        BufferedImage image = picture(300, 200, Color.WHITE, new Color(40, 40, 40), 10, 100, 40, 80);

        PreparedImage prepared = pre.prepare(image, "test");
        byte[] pixels = prepared.pixels();

        assertThat(prepared.inverted()).isTrue();
        assertThat(prepared.cropX()).isEqualTo(10);
        assertThat(prepared.cropY()).isEqualTo(100);
        assertThat(prepared.cropWidth()).isEqualTo(40);
        assertThat(prepared.cropHeight()).isEqualTo(80);
        // The rectangle is now the brightest thing, the background black.
        assertThat(at(pixels, 14, 14)).isEqualTo(255);
        assertThat(at(pixels, 0, 0)).isZero();
        assertThat(at(pixels, 27, 14)).isZero();
        // Longer side (height) fills 28 pixels, width keeps the 1:2 ratio, centred horizontally.
        assertThat(box(pixels, 0)).containsExactly(7, 0, 14, 28);
    }

    @Test
    void lightOnDarkPicturesAreNotInverted() {
        BufferedImage image = picture(100, 100, Color.BLACK, Color.WHITE, 30, 20, 40, 60);

        PreparedImage prepared = pre.prepare(image, "test");

        assertThat(prepared.inverted()).isFalse();
        assertThat(at(prepared.pixels(), 14, 14)).isEqualTo(255);
        assertThat(at(prepared.pixels(), 0, 14)).isZero();
    }

    @Test
    void keepsTheAspectRatioOfWideObjects() {
        // 120x30 (4:1) becomes 28x7, centred vertically with the odd margin's extra row on top, as the dataset does.
        BufferedImage image = picture(400, 400, Color.WHITE, Color.BLACK, 200, 50, 120, 30);

        byte[] pixels = pre.prepare(image, "test").pixels();

        assertThat(box(pixels, 0)).containsExactly(0, 11, 28, 7);
    }

    @Test
    void enlargesSmallObjects() {
        BufferedImage image = picture(12, 12, Color.WHITE, Color.BLACK, 3, 3, 5, 5);

        byte[] pixels = pre.prepare(image, "test").pixels();

        // Enlarged smoothly, not in blocks: the square fills the frame, its edges ramp up over a few pixels
        // (the half source pixel on each side that bilinear enlargement spreads an edge over).
        assertThat(box(pixels, 0)).containsExactly(0, 0, 28, 28);
        assertThat(box(pixels, 127)).containsExactly(1, 1, 26, 26);
        assertThat(at(pixels, 14, 0)).isBetween(20, 120);
        assertThat(at(pixels, 14, 1)).isBetween(at(pixels, 14, 0) + 20, 200);
        assertThat(at(pixels, 14, 14)).isEqualTo(255);
    }

    @Test
    void shrinkingAveragesAreasSoThinLinesFadeRatherThanVanish() {
        // A 560x280 black picture with a 2-pixel white line across it, shrunk 20 times to 28x14.
        GreyImage image = new GreyImage(560, 280);
        for (int x = 0; x < 560; x++) {
            image.v[140 * 560 + x] = 255;
            image.v[141 * 560 + x] = 255;
        }

        GreyImage small = Resampler.resize(image, 28, 14);

        // Source rows 140..159 make row 7, where the line keeps 2/20 of its ink instead of disappearing
        // (nearest neighbour) or filling the row.
        assertThat(small.at(14, 7)).isCloseTo(25.5f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(small.at(14, 6)).isZero();
    }

    @Test
    void greyBackgroundsBecomeBlack() {
        BufferedImage image = picture(100, 100, new Color(230, 230, 230), new Color(60, 60, 60), 20, 20, 60, 60);

        byte[] pixels = pre.prepare(image, "test").pixels();

        assertThat(at(pixels, 14, 14)).isEqualTo(255);
        assertThat(box(pixels, 0)).containsExactly(0, 0, 28, 28);
    }

    @Test
    void transparentPixelsCountAsLightBackground() {
        BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 0, 0, 255));
        g.fillRect(10, 10, 20, 30);
        g.dispose();

        PreparedImage prepared = pre.prepare(image, "cut-out");

        assertThat(prepared.inverted()).isTrue();
        assertThat(box(prepared.pixels(), 0)).containsExactly(5, 0, 19, 28);
    }

    @Test
    void aCutOutIsCompositedOverTheGroundItsTransparentPixelsStore() {
        // A light-grey garment (170) cut out of a studio photo whose ground (240) stays under the transparency:
        // over that ground it is a dark garment on light, as the dataset's photos were; over black it would
        // read as a light garment and be negated the wrong way.
        BufferedImage image = cutOut(new Color(240, 240, 240, 0), new Color(170, 170, 170, 255));
        PreparedImage prepared = pre.prepare(image, "cut-out");
        assertThat(prepared.inverted()).isTrue();
        assertThat(at(prepared.pixels(), 14, 14)).isEqualTo(255);
    }

    @Test
    void transparentBlackIsNoGround() {
        // Premultiplied transparency stores black: a dark-grey garment (60) is still composited over white.
        PreparedImage prepared = pre.prepare(cutOut(new Color(0, 0, 0, 0), new Color(60, 60, 60, 255)), "cut-out");
        assertThat(prepared.inverted()).isTrue();
        assertThat(at(prepared.pixels(), 14, 14)).isEqualTo(255);
        assertThat(at(prepared.pixels(), 0, 0)).isZero();
    }

    private static BufferedImage cutOut(Color transparent, Color garment) {
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(transparent);
        g.fillRect(0, 0, 60, 60);
        g.setColor(garment);
        g.fillRect(15, 10, 30, 40);
        g.dispose();
        return image;
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif"})
    void readsTheFormatsTheJdkWrites(String format) throws IOException {
        Path file = dir.resolve("shirt." + format);
        ImageIO.write(picture(90, 60, Color.WHITE, Color.BLACK, 30, 10, 30, 40), format, file.toFile());

        PreparedImage prepared = pre.prepare(file);

        assertThat(prepared.source()).isEqualTo(file.toString());
        assertThat(prepared.inverted()).isTrue();
        assertThat(at(prepared.pixels(), 14, 14)).isGreaterThan(200);
        int[] box = box(prepared.pixels(), 127);
        assertThat(box[3]).isEqualTo(28);
        assertThat(box[2]).isBetween(20, 22);
    }

    @Test
    void aTextFileIsNotAnImage() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "this is not a picture\n");

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not an image file")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedPngIsReportedAsCorrupt() throws IOException {
        Path good = dir.resolve("good.png");
        ImageIO.write(picture(200, 200, Color.WHITE, Color.BLACK, 30, 10, 30, 40), "png", good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("cut.png");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file.toString()).hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFileIsAStorageProblem() {
        Path file = dir.resolve("absent.png");

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(StorageException.class)
                .hasMessage("image file " + file + " does not exist");
    }

    @Test
    void aDirectoryIsNotAnImage() {
        assertThatThrownBy(() -> pre.prepare(dir)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void aBlankPictureHasNoObject() {
        BufferedImage blank = picture(40, 40, Color.WHITE, Color.WHITE, 0, 0, 1, 1);

        PreparedImage prepared = pre.prepare(blank, "blank.png");

        assertThat(prepared.warnings()).contains(ImageWarning.NO_OBJECT, ImageWarning.LOW_CONTRAST);
        assertThat(box(prepared.pixels(), 0)[2]).isLessThanOrEqualTo(0);
    }

    @Test
    void thresholdMustBeAFraction() {
        assertThatThrownBy(() -> pre.withThreshold(1.5f)).isInstanceOf(InvalidInputException.class);
        assertThat(pre.withThreshold(0.3f).threshold()).isEqualTo(0.3f);
    }

    @Test
    void resamplingPreservesTheMeanWhenShrinking() {
        float[] src = new float[30];
        for (int i = 0; i < src.length; i++) {
            src[i] = i * 7 % 255;
        }
        float[] dst = new float[7];
        Resampler.resample1d(src, 0, 1, 30, dst, 0, 1, 7);

        double meanSrc = 0;
        for (float f : src) {
            meanSrc += f / 30;
        }
        double meanDst = 0;
        for (float f : dst) {
            meanDst += f / 7;
        }
        assertThat(meanDst).isCloseTo(meanSrc, org.assertj.core.data.Offset.offset(1e-3));
    }
}
