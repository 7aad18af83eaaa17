package dev.fmnist.data.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes JPEGs at a chosen quality, optionally with an EXIF APP1 segment holding only an orientation tag. */
public final class ExifJpeg {
    private ExifJpeg() {
    }

    /** The JPEG bytes of an RGB picture; {@code orientation} 0 writes no EXIF segment. */
    public static byte[] encode(BufferedImage rgb, float quality, int orientation, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        return orientation == 0 ? jpeg : withOrientation(jpeg, orientation);
    }

    /** The JPEG with an APP1 "Exif" segment right after SOI: a big-endian TIFF header and one IFD entry. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8,          // header, IFD0 at offset 8
            0, 1,                                  // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1,          // tag 274 (Orientation), SHORT, count 1
            0, (byte) orientation, 0, 0,           // the value, left-justified
            0, 0, 0, 0};                           // no next IFD
        byte[] id = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + id.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(id, 0, id.length);
        out.write(tiff, 0, tiff.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
