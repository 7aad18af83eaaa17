package dev.fmnist.data.idx;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.ZipException;

/**
 * Reads the IDX files Fashion-MNIST ships in, gzip-compressed or raw (detected from the first bytes).
 * Headers are big-endian: magic {@code 0x00000803} for images (then count, rows, cols) and
 * {@code 0x00000801} for labels (then count). Every size is checked against what the file can hold
 * before the pixel array is allocated, and every problem is reported naming the file.
 */
public final class IdxReader {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Deflate cannot expand data more than about 1032:1; a header claiming more is corrupt. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** Reads an image file. @throws InvalidDataException naming the file and the problem */
    public static IdxImages readImages(Path file) {
        return readImages(file, null);
    }

    /** Reads an image file, feeding its bytes as stored on disk to {@code digest} if not null. */
    public static IdxImages readImages(Path file, MessageDigest digest) {
        try (Source source = Source.open(file, digest)) {
            DataInputStream in = source.data;
            int magic = header(in, file);
            if (magic != IMAGES_MAGIC) {
                throw new InvalidDataException(file + ": not an IDX image file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x803)");
            }
            int count = header(in, file);
            int rows = header(in, file);
            int cols = header(in, file);
            if (rows != Images.ROWS || cols != Images.COLS) {
                throw new InvalidDataException(file + ": images are " + rows + "x" + cols + ", expected "
                        + Images.ROWS + "x" + Images.COLS);
            }
            long bytes = (long) count * rows * cols;
            source.checkPlausible(count, bytes, 16);
            byte[] pixels = new byte[(int) bytes];
            readFully(in, pixels, file, count, Images.PIXELS, "images");
            source.checkNoTrailingData();
            return new IdxImages(count, rows, cols, pixels);
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    /** Reads a label file, checking every label is 0..9. */
    public static byte[] readLabels(Path file) {
        return readLabels(file, null);
    }

    /** Reads a label file, feeding its bytes as stored on disk to {@code digest} if not null. */
    public static byte[] readLabels(Path file, MessageDigest digest) {
        try (Source source = Source.open(file, digest)) {
            DataInputStream in = source.data;
            int magic = header(in, file);
            if (magic != LABELS_MAGIC) {
                throw new InvalidDataException(file + ": not an IDX label file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x801)");
            }
            int count = header(in, file);
            source.checkPlausible(count, count, 8);
            byte[] labels = new byte[count];
            readFully(in, labels, file, count, 1, "labels");
            source.checkNoTrailingData();
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] >= FashionClass.COUNT) {
                    throw new InvalidDataException(file + ": label " + (labels[i] & 0xff) + " at index " + i
                            + " is outside 0.." + (FashionClass.COUNT - 1));
                }
            }
            return labels;
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    private static int header(DataInputStream in, Path file) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new InvalidDataException(file + ": truncated IDX header");
        }
    }

    private static void readFully(InputStream in, byte[] into, Path file, int count, int itemSize, String what)
            throws IOException {
        int done = in.readNBytes(into, 0, into.length);
        if (done < into.length) {
            throw new InvalidDataException(file + ": truncated: header promises " + count + " " + what
                    + " but the file holds only " + done / itemSize);
        }
    }

    private static RuntimeException ioProblem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new StorageException(file + " does not exist");
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new InvalidDataException(file + ": corrupt or truncated gzip data: " + e.getMessage());
        }
        return new StorageException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
    }

    /** An opened IDX file: raw or gunzipped, with its on-disk size for plausibility checks. */
    private static final class Source implements AutoCloseable {
        private final Path file;
        private final long fileSize;
        private final boolean gzip;
        private final DataInputStream data;

        private Source(Path file, long fileSize, boolean gzip, DataInputStream data) {
            this.file = file;
            this.fileSize = fileSize;
            this.gzip = gzip;
            this.data = data;
        }

        static Source open(Path file, MessageDigest digest) throws IOException {
            long size = Files.size(file);
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            if (digest != null) {
                raw = new java.security.DigestInputStream(raw, digest);
            }
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream in = raw;
            if (gzip) {
                try {
                    in = new BufferedInputStream(new StrictGzipInputStream(raw, BUFFER), BUFFER);
                } catch (ZipException e) {
                    raw.close();
                    throw new InvalidDataException(file + ": corrupt gzip header: " + e.getMessage());
                }
            } else if (file.getFileName().toString().endsWith(".gz")) {
                raw.close();
                throw new InvalidDataException(file + ": not gzip data although the name ends in .gz");
            }
            return new Source(file, size, gzip, new DataInputStream(in));
        }

        /** Rejects a header whose count could not possibly fit in this file, before allocating. */
        void checkPlausible(int count, long payload, int headerBytes) {
            if (count < 0) {
                throw new InvalidDataException(file + ": negative item count " + count + " in header");
            }
            long limit = gzip ? fileSize * MAX_DEFLATE_RATIO : fileSize - headerBytes;
            if (payload > limit || payload > Integer.MAX_VALUE - 8) {
                throw new InvalidDataException(file + ": header claims " + count + " items (" + payload
                        + " bytes) but the file is only " + fileSize + " bytes");
            }
        }

        void checkNoTrailingData() throws IOException {
            if (data.read() != -1) {
                throw new InvalidDataException(file + ": has data after the items its header declares");
            }
        }

        @Override
        public void close() throws IOException {
            data.close();
        }
    }
}
