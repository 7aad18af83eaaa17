package dev.fmnist.data.photos;

import dev.fmnist.api.data.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Makes realistic product photos from Fashion-MNIST images. A dataset image is a negated photo of a dark
 * garment on white, so its pixel {@code p} is read as ink: a photo pixel is {@code background * (1 - p/255)
 * + garment * p/255}, with the garment's colour (near black, a saturated colour, or light on a dark ground)
 * and a background with a linear light fall-off. Then, by condition: a soft drop shadow, a few degrees of
 * rotation, mirroring, placement, size, transparency, sensor noise, JPEG quality 40 and the EXIF
 * orientation of a phone that stored the picture turned. Deterministic for a seed.
 */
public final class PhotoGenerator {
    /** The generated file: its bytes and the extension that names the format. */
    public record Photo(byte[] bytes, String extension) {
    }

    private static final float JPEG_QUALITY = 0.4f;

    private PhotoGenerator() {
    }

    /** A photo of the dataset image {@code pixels} (784 bytes) under {@code condition}; {@code index} varies it. */
    public static Photo generate(byte[] pixels, PhotoCondition condition, int index, long seed) {
        Random rnd = new Random(seed * 1_000_003L + index * 31L + condition.ordinal());
        float[] ink = new float[Images.PIXELS];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (pixels[i] & 0xff) / 255f;
        }
        int w = 280 + rnd.nextInt(140);
        int h = 300 + rnd.nextInt(160);
        float fill = 0.72f + 0.12f * rnd.nextFloat();
        switch (condition) {
            case LARGE -> { w = 3000; h = 4000; }
            case SMALL -> { w = 28 + rnd.nextInt(6); h = 30 + rnd.nextInt(6); fill = 24f / Math.min(w, h); }
            case OFF_CENTRE -> fill = 0.38f + 0.1f * rnd.nextFloat();
            default -> { }
        }
        float size = fill * Math.min(w, h);                   // the dataset's 28x28 frame, in photo pixels
        float cx = w / 2f + (rnd.nextFloat() - 0.5f) * 0.06f * w;
        float cy = h / 2f + (rnd.nextFloat() - 0.5f) * 0.06f * h;
        if (condition == PhotoCondition.OFF_CENTRE) {
            cx = size / 2 + 4 + rnd.nextFloat() * (w - size - 8);
            cy = size / 2 + 4 + rnd.nextFloat() * (h - size - 8);
        }
        double angle = condition == PhotoCondition.ROTATED ? Math.toRadians((rnd.nextFloat() * 2 - 1) * 4) : 0;
        boolean mirror = condition == PhotoCondition.MIRRORED;

        float[] ground = backgroundColour(condition, rnd);
        float[] garment = garmentColour(condition, rnd);
        float gradX = (rnd.nextFloat() * 2 - 1) * (condition == PhotoCondition.GREY_GRADIENT ? 40 : 14);
        float gradY = (rnd.nextFloat() * 2 - 1) * (condition == PhotoCondition.GREY_GRADIENT ? 40 : 14);
        float[] shadow = condition == PhotoCondition.SHADOW ? blur(ink) : null;
        float shadowDx = 0.8f + rnd.nextFloat();
        float shadowDy = 0.8f + rnd.nextFloat();
        float noise = condition == PhotoCondition.SMALL || condition == PhotoCondition.ALPHA ? 0 : 4f;
        boolean alpha = condition == PhotoCondition.ALPHA;
        // Sensor noise from its own stream: SplittableRandom's Gaussians (a ziggurat) are many times cheaper
        // than Random's, which matters for the 12-megapixel photos.
        SplittableRandom grain = new SplittableRandom(rnd.nextLong());

        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        float scale = 28f / size;
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // photo pixel -> dataset coordinates (rotated about the garment's centre)
                float dx = (x + 0.5f - cx) * scale;
                float dy = (y + 0.5f - cy) * scale;
                float u = cos * dx + sin * dy + 14f;
                float v = -sin * dx + cos * dy + 14f;
                if (mirror) {
                    u = 28f - u;
                }
                float a = sample(ink, u - 0.5f, v - 0.5f);
                float fallOff = gradX * (x / (float) w - 0.5f) + gradY * (y / (float) h - 0.5f);
                float dark = shadow == null ? 0 : 0.16f * sample(shadow, u - 0.5f - shadowDx, v - 0.5f - shadowDy);
                int argb = 0;
                for (int c = 0; c < 3; c++) {
                    float base = (ground[c] + fallOff) * (1 - dark);
                    float value = base * (1 - a) + garment[c] * a;
                    if (noise > 0) {
                        value += (float) grain.nextGaussian() * noise;
                    }
                    argb = argb << 8 | Math.max(0, Math.min(255, Math.round(value)));
                }
                if (alpha) {
                    int opacity = Math.round(255 * Math.min(1f, a / 0.08f));
                    argb |= opacity << 24;
                }
                row[x] = argb;
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
        return switch (condition) {
            case SMALL, ALPHA -> new Photo(png(image), "png");
            case EXIF_ORIENTATION -> {
                int orientation = index % 8 + 1;
                yield new Photo(ExifJpeg.encode(stored(image, orientation), JPEG_QUALITY, orientation, false), "jpg");
            }
            default -> new Photo(ExifJpeg.encode(image, JPEG_QUALITY, 0, index % 2 == 1), "jpg");
        };
    }

    private static float[] backgroundColour(PhotoCondition condition, Random rnd) {
        return switch (condition) {
            case STUDIO_WHITE, EXIF_ORIENTATION, MIRRORED, ROTATED, OFF_CENTRE, SMALL, ALPHA, LARGE ->
                    grey(238 + rnd.nextInt(14));
            case GREY_GRADIENT, SHADOW -> grey(170 + rnd.nextInt(50));
            case COLOURED -> rnd.nextBoolean() ? grey(245) : grey(195 + rnd.nextInt(20));
            case LIGHT_ON_DARK -> grey(35 + rnd.nextInt(40));
        };
    }

    private static float[] garmentColour(PhotoCondition condition, Random rnd) {
        if (condition == PhotoCondition.LIGHT_ON_DARK) {
            return grey(215 + rnd.nextInt(35));
        }
        if (condition == PhotoCondition.COLOURED) {
            float[][] colours = {{170, 20, 30}, {20, 50, 150}, {20, 110, 40}, {120, 30, 130}, {150, 80, 10}, {10, 90, 110}};
            return colours[rnd.nextInt(colours.length)].clone();
        }
        return grey(8 + rnd.nextInt(25));
    }

    private static float[] grey(float level) {
        return new float[] {level, level, level};
    }

    /** Bilinear sample of a 28x28 map at (u, v) in pixel-centre coordinates; 0 outside. */
    static float sample(float[] map, float u, float v) {
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        float fx = u - x0;
        float fy = v - y0;
        return (1 - fy) * ((1 - fx) * at(map, x0, y0) + fx * at(map, x0 + 1, y0))
                + fy * ((1 - fx) * at(map, x0, y0 + 1) + fx * at(map, x0 + 1, y0 + 1));
    }

    private static float at(float[] map, int x, int y) {
        return x < 0 || y < 0 || x >= 28 || y >= 28 ? 0 : map[y * 28 + x];
    }

    /** The garment's silhouette blurred (a shadow's shape), in dataset pixels. */
    private static float[] blur(float[] ink) {
        float[] silhouette = new float[ink.length];
        for (int i = 0; i < ink.length; i++) {
            silhouette[i] = ink[i] > 0 ? 1 : 0;
        }
        float[] k = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f};
        float[] once = new float[ink.length];
        float[] out = new float[ink.length];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float s = 0;
                for (int i = -2; i <= 2; i++) {
                    s += k[i + 2] * at(silhouette, x + i, y);
                }
                once[y * 28 + x] = s;
            }
        }
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float s = 0;
                for (int i = -2; i <= 2; i++) {
                    s += k[i + 2] * at(once, x, y + i);
                }
                out[y * 28 + x] = s;
            }
        }
        return out;
    }

    /**
     * The pixels as a camera stores them for an EXIF orientation: stored pixel (sx, sy) is shown at the
     * place the tag's definition gives (orientation 6: stored row 0 is the right-hand column, stored column 0
     * the top row, and so on).
     */
    public static BufferedImage stored(BufferedImage upright, int orientation) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        boolean swap = orientation >= 5;
        int sw = swap ? h : w;
        int sh = swap ? w : h;
        BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int sy = 0; sy < sh; sy++) {
            for (int sx = 0; sx < sw; sx++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - sx; dy = sy; }
                    case 3 -> { dx = w - 1 - sx; dy = h - 1 - sy; }
                    case 4 -> { dx = sx; dy = h - 1 - sy; }
                    case 5 -> { dx = sy; dy = sx; }
                    case 6 -> { dx = w - 1 - sy; dy = sx; }
                    case 7 -> { dx = w - 1 - sy; dy = h - 1 - sx; }
                    case 8 -> { dx = sy; dy = h - 1 - sx; }
                    default -> { dx = sx; dy = sy; }
                }
                out.setRGB(sx, sy, upright.getRGB(dx, dy));
            }
        }
        return out;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
