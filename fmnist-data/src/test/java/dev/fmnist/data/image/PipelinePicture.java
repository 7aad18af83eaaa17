package dev.fmnist.data.image;

import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.photos.PhotoCondition;
import dev.fmnist.data.photos.PhotoGenerator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the README's picture of the pipeline's stages: for a few generated photos of test images, the
 * decoded upright photo, the grey working image, the fitted background plane, the contrast map, the garment's
 * mask with its box, the 28x28 result and the dataset's own image. Run from the project root:
 * {@code java -cp ... dev.fmnist.data.image.PipelinePicture docs/images/photo-pipeline.png}.
 */
public final class PipelinePicture {
    private static final int CELL = 150;
    private static final String[] TITLES = {"photo (upright)", "grey", "background plane", "contrast",
        "garment mask + box", "28x28 input", "dataset image"};

    private PipelinePicture() {
    }

    public static void main(String[] args) throws IOException {
        FashionMnist data = FashionMnist.locate();
        Object[][] rows = {{PhotoCondition.SHADOW, 0}, {PhotoCondition.EXIF_ORIENTATION, 5},
            {PhotoCondition.COLOURED, 8}, {PhotoCondition.OFF_CENTRE, 9}};
        int top = 24;
        BufferedImage out = new BufferedImage(TITLES.length * (CELL + 8) + 8, top + rows.length * (CELL + 22),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        for (int c = 0; c < TITLES.length; c++) {
            g.drawString(TITLES[c], 8 + c * (CELL + 8), 16);
        }
        Path dir = Files.createTempDirectory("pipeline");
        for (int r = 0; r < rows.length; r++) {
            PhotoCondition condition = (PhotoCondition) rows[r][0];
            int index = (Integer) rows[r][1];
            byte[] dataset = data.test().image(index);
            PhotoGenerator.Photo photo = PhotoGenerator.generate(dataset, condition, index, 18);
            Path file = dir.resolve("photo." + photo.extension());
            Files.write(file, photo.bytes());
            ImageDecoder.Decoded decoded = new ImageDecoder(ImagePreprocessor.MAX_PIXELS).read(file);
            Files.delete(file);
            ImagePreprocessor.Trace t = ImagePreprocessor.defaults().trace(decoded.image(), "photo", decoded.orientation());
            GreyImage w = t.working();
            BufferedImage[] cells = new BufferedImage[TITLES.length];
            cells[0] = decoded.image();
            cells[1] = grey(w.v, w.width, w.height, 1, 0);
            float[] plane = new float[w.v.length];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) t.background().at(i % w.width, i / w.width);
            }
            cells[2] = grey(plane, w.width, w.height, 1, 0);
            float max = 1;
            for (float v : t.contrast()) {
                max = Math.max(max, v);
            }
            cells[3] = grey(t.contrast(), w.width, w.height, 255f / max, 0);
            float[] mask = new float[w.v.length];
            Segmentation s = t.segmentation();
            for (int i = 0; i < mask.length; i++) {
                mask[i] = s.found() && s.mask().get(i % w.width, i / w.width) ? 255 : 0;
            }
            cells[4] = grey(mask, w.width, w.height, 1, 0);
            Graphics2D mg = cells[4].createGraphics();
            mg.setColor(Color.RED);
            mg.setStroke(new BasicStroke(Math.max(2f, w.width / 120f)));
            mg.drawRect(s.x(), s.y(), s.width(), s.height());
            mg.dispose();
            cells[5] = bytes(t.result().pixels());
            cells[6] = bytes(dataset);
            int y = top + r * (CELL + 22);
            for (int c = 0; c < cells.length; c++) {
                BufferedImage cell = cells[c];
                double fit = Math.min((double) CELL / cell.getWidth(), (double) CELL / cell.getHeight());
                int cw = (int) Math.round(cell.getWidth() * fit);
                int ch = (int) Math.round(cell.getHeight() * fit);
                int x = 8 + c * (CELL + 8) + (CELL - cw) / 2;
                if (c >= 5) {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                }
                g.drawImage(cell, x, y + (CELL - ch) / 2, cw, ch, null);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(condition.description() + (decoded.orientation() == Orientation.NORMAL ? ""
                    : " (stored with EXIF orientation " + decoded.orientation().tag() + ")"), 8, y + CELL + 15);
        }
        g.dispose();
        Files.delete(dir);
        ImageIO.write(out, "png", Path.of(args[0]).toFile());
    }

    private static BufferedImage grey(float[] v, int w, int h, float gain, float offset) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < v.length; i++) {
            int g = Math.max(0, Math.min(255, Math.round(v[i] * gain + offset)));
            image.setRGB(i % w, i / w, g * 0x10101);
        }
        return image;
    }

    private static BufferedImage bytes(byte[] pixels) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < pixels.length; i++) {
            image.setRGB(i % 28, i / 28, (pixels[i] & 0xff) * 0x10101);
        }
        return image;
    }
}
