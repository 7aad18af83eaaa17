package dev.fmnist.data.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Finds the EXIF orientation of a picture, wherever its format keeps it: JPEG (APP1 "Exif" segment),
 * TIFF (IFD0 itself), PNG ({@code eXIf} chunk) and WebP ({@code EXIF} chunk). The EXIF block is parsed
 * by TwelveMonkeys' TIFF metadata reader; this class only locates it. GIF and BMP carry no orientation.
 * Metadata is advisory: a broken EXIF block means "upright", never an error (the pixels decide that).
 */
final class OrientationReader {
    private static final int APP1 = 0xFFE1;
    private static final int MAX_CHUNK = 16 << 20;

    private OrientationReader() {
    }

    /** The orientation of a picture in the named ImageIO format ({@code "jpeg"}, {@code "png"}...). */
    static Orientation read(ImageInputStream in, String format) {
        try {
            in.seek(0);
            byte[] exif = switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "jpeg", "jpg" -> jpegExif(in);
                case "tiff", "tif" -> tiff(in);
                case "png" -> chunk(in, 8, "eXIf", false);
                case "webp" -> chunk(in, 12, "EXIF", true);
                default -> null;
            };
            return exif == null ? Orientation.NORMAL : fromTiff(exif);
        } catch (IOException | RuntimeException e) {
            return Orientation.NORMAL;
        } finally {
            try {
                in.seek(0);
            } catch (IOException ignored) {
                // The decoder will report an unreadable stream itself.
            }
        }
    }

    private static byte[] jpegExif(ImageInputStream in) throws IOException {
        List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, APP1, "Exif");
        if (segments.isEmpty()) {
            return null;
        }
        byte[] data;
        try (InputStream s = segments.get(0).data()) {
            data = s.readAllBytes();
        }
        // The TIFF structure starts at its byte-order mark ("II" or "MM"), after the identifier's padding.
        for (int start = 0; start + 1 < data.length && start < 8; start++) {
            if ((data[start] == 'I' || data[start] == 'M') && data[start + 1] == data[start]) {
                return Arrays.copyOfRange(data, start, data.length);
            }
        }
        return null;
    }

    /** A TIFF file is its own EXIF block. */
    private static byte[] tiff(ImageInputStream in) throws IOException {
        Directory ifd = new TIFFReader().read(in);
        return new byte[] {(byte) orientationTag(ifd)};
    }

    /**
     * The payload of the first chunk of the given type in a PNG (4-byte big-endian length, type, data,
     * CRC) or RIFF/WebP (type, 4-byte little-endian length, data, padding to even) container.
     */
    private static byte[] chunk(ImageInputStream in, int start, String type, boolean riff) throws IOException {
        in.seek(start);
        byte[] header = new byte[8];
        while (true) {
            if (in.read(header) != 8) {
                return null;
            }
            String name = new String(header, riff ? 0 : 4, 4, StandardCharsets.US_ASCII);
            long length = riff
                    ? (header[4] & 0xffL) | (header[5] & 0xffL) << 8 | (header[6] & 0xffL) << 16 | (header[7] & 0xffL) << 24
                    : (header[0] & 0xffL) << 24 | (header[1] & 0xffL) << 16 | (header[2] & 0xffL) << 8 | (header[3] & 0xffL);
            if (name.equals(type)) {
                if (length > MAX_CHUNK) {
                    return null;
                }
                byte[] data = new byte[(int) length];
                in.readFully(data);
                return data;
            }
            if (!riff && name.equals("IDAT")) {
                return null; // PNG's eXIf must come before the image data
            }
            in.seek(in.getStreamPosition() + length + (riff ? (length & 1) : 4));
        }
    }

    private static Orientation fromTiff(byte[] exif) throws IOException {
        if (exif.length == 1) {
            return Orientation.ofTag(exif[0]);
        }
        try (ImageInputStream s = ImageIO.createImageInputStream(new ByteArrayInputStream(exif))) {
            return Orientation.ofTag(orientationTag(new TIFFReader().read(s)));
        }
    }

    private static int orientationTag(Directory ifd) {
        Entry entry = ifd.getEntryById(TIFF.TAG_ORIENTATION);
        if (entry == null || !(entry.getValue() instanceof Number n)) {
            return 1;
        }
        return n.intValue();
    }
}
