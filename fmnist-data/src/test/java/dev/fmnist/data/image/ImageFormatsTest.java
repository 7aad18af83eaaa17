package dev.fmnist.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.data.photos.ExifJpeg;
import dev.fmnist.data.photos.PhotoGenerator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format the docs list, orientation, truncation and oversized headers. */
class ImageFormatsTest {
    private final ImagePreprocessor pre = ImagePreprocessor.defaults();

    @TempDir
    Path dir;

    private static BufferedImage shirt() {
        return ImagePreprocessorTest.picture(90, 60, Color.WHITE, Color.BLACK, 30, 10, 30, 40);
    }

    private static void assertShirt(PreparedImage prepared) {
        assertThat(prepared.inverted()).isTrue();
        assertThat(prepared.cropX()).isBetween(29, 31);
        assertThat(prepared.cropY()).isBetween(9, 11);
        assertThat(prepared.cropWidth()).isBetween(29, 32);
        assertThat(prepared.cropHeight()).isBetween(39, 42);
        int[] box = ImagePreprocessorTest.box(prepared.pixels(), 127);
        assertThat(box[3]).isEqualTo(28);
        assertThat(box[2]).isBetween(20, 22);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif", "tiff"})
    void readsTheWritableFormats(String format) throws IOException {
        Path file = dir.resolve("shirt." + format);
        assertThat(ImageIO.write(shirt(), format, file.toFile())).isTrue();

        assertShirt(pre.prepare(file));
    }

    @Test
    void readsProgressiveJpeg() throws IOException {
        Path file = dir.resolve("progressive.jpg");
        Files.write(file, ExifJpeg.encode(shirt(), 0.9f, 0, true));

        assertShirt(pre.prepare(file));
    }

    @Test
    void readsCmykJpeg() throws IOException {
        // Four channels written as they are: C, M, Y, K with ink = 255 - value for white paper.
        BufferedImage rgb = shirt();
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 90, 60, 4, null);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 90; x++) {
                int v = rgb.getRGB(x, y) & 0xff;
                cmyk.setPixel(x, y, new int[] {0, 0, 0, 255 - v});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        Path file = dir.resolve("cmyk.jpg");
        Files.write(file, bytes.toByteArray());

        PreparedImage prepared = pre.prepare(file);

        assertThat(ImagePreprocessorTest.box(prepared.pixels(), 127)[3]).isEqualTo(28);
        assertThat(prepared.cropWidth()).isBetween(28, 33);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shirt-lossy.webp", "cutout-lossless.webp"})
    void readsWebp(String name) throws IOException {
        // Made with cwebp from the 90x60 shirt picture (lossy) and its cut-out on transparency (lossless).
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/images/" + name)) {
            Files.write(file, in.readAllBytes());
        }

        assertShirt(pre.prepare(file));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void turnsJpegsUprightByTheirExifOrientation(int orientation) throws IOException {
        // Upright: 120 wide, 80 high, a dark block in the top-left corner region.
        BufferedImage upright = ImagePreprocessorTest.picture(120, 80, Color.WHITE, Color.BLACK, 10, 10, 30, 20);
        Path file = dir.resolve("phone-" + orientation + ".jpg");
        Files.write(file, ExifJpeg.encode(PhotoGenerator.stored(upright, orientation), 0.95f, orientation, false));

        PreparedImage prepared = pre.prepare(file);

        assertThat(prepared.orientation()).isEqualTo(Orientation.ofTag(orientation));
        assertThat(prepared.sourceWidth()).isEqualTo(120);
        assertThat(prepared.sourceHeight()).isEqualTo(80);
        assertThat(prepared.cropX()).isBetween(9, 11);
        assertThat(prepared.cropY()).isBetween(9, 11);
        assertThat(prepared.cropWidth()).isBetween(29, 32);
        assertThat(prepared.cropHeight()).isBetween(19, 22);
    }

    @Test
    void turnsPngsUprightByTheirExifChunk() throws IOException {
        BufferedImage upright = ImagePreprocessorTest.picture(120, 80, Color.WHITE, Color.BLACK, 10, 10, 30, 20);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(PhotoGenerator.stored(upright, 6), "png", png);
        byte[] jpegExif = ExifJpeg.withOrientation(new byte[] {(byte) 0xFF, (byte) 0xD8}, 6);
        byte[] tiff = Arrays.copyOfRange(jpegExif, 2 + 4 + 6, jpegExif.length);
        Path file = dir.resolve("phone.png");
        Files.write(file, withChunk(png.toByteArray(), "eXIf", tiff));

        PreparedImage prepared = pre.prepare(file);

        assertThat(prepared.orientation()).isEqualTo(Orientation.ROTATE_90_CW);
        assertThat(prepared.sourceWidth()).isEqualTo(120);
        assertThat(prepared.cropX()).isBetween(9, 11);
        assertThat(prepared.cropY()).isBetween(9, 11);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif", "tiff"})
    void truncatedFilesAreOneLineErrors(String format) throws IOException {
        Path good = dir.resolve("good." + format);
        BufferedImage big = ImagePreprocessorTest.picture(300, 200, Color.WHITE, Color.BLACK, 30, 10, 90, 140);
        ImageIO.write(big, format, good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("cut." + format);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file.toString()).hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedWebpIsAnError() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/images/shirt-lossy.webp")) {
            bytes = in.readAllBytes();
        }
        Path file = dir.resolve("cut.webp");
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file.toString()).hasMessageNotContaining("\n");
    }

    @Test
    void aHeaderDeclaringGigapixelsIsRefusedBeforeDecoding() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(shirt(), "png", png);
        byte[] bytes = png.toByteArray();
        // IHDR's data starts at byte 16: width and height, then its CRC after 13 bytes of data.
        ByteBuffer.wrap(bytes, 16, 8).putInt(60_000).putInt(60_000);
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
        Path file = dir.resolve("bomb.png");
        Files.write(file, bytes);

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(InvalidDataException.class)
                .hasMessage(file + " is too large (60000x60000 pixels); scale it below 100 megapixels");
    }

    /** The PNG with a chunk inserted right after IHDR. */
    static byte[] withChunk(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, afterIhdr);
        System.arraycopy(chunk.array(), 0, out, afterIhdr, chunk.capacity());
        System.arraycopy(png, afterIhdr, out, afterIhdr + chunk.capacity(), png.length - afterIhdr);
        return out;
    }
}
