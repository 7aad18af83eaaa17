package dev.fmnist.data.idx;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip reader (RFC 1952) that refuses what {@link java.util.zip.GZIPInputStream} lets pass: bytes after the
 * last member that are not another member (the JDK's reader stops there silently, so a file with junk
 * appended verified as genuine), and a truncated header (the JDK's reader said {@code null}). Every problem
 * is a {@link ZipException} whose message says what is wrong; each member's CRC-32 and size are checked.
 */
public final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf;
    private int pos;
    private int limit;
    private long memberBytes;
    private boolean eof;

    /**
     * Reads the first member's header.
     *
     * @throws ZipException if {@code in} does not start with a complete gzip header
     */
    public StrictGzipInputStream(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        this.buf = new byte[bufferSize];
        try {
            readHeader();
        } catch (IOException | RuntimeException e) {
            inflater.end();
            throw e;
        }
    }

    private int nextByte() throws IOException {
        if (pos == limit) {
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            limit = Math.max(n, 0);
            if (limit == 0) {
                return -1;
            }
        }
        return buf[pos++] & 0xff;
    }

    private int headerByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw new ZipException("truncated gzip header");
        }
        return b;
    }

    private void readHeader() throws IOException {
        int id1 = nextByte();
        if (id1 < 0) {
            throw new ZipException("empty file, not gzip data");
        }
        if (id1 != 0x1f || headerByte() != 0x8b) {
            throw new ZipException("not in gzip format");
        }
        if (headerByte() != 8) {
            throw new ZipException("unsupported gzip compression method");
        }
        int flags = headerByte();
        for (int i = 0; i < 6; i++) {
            headerByte(); // modification time, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            int length = headerByte() | headerByte() << 8;
            for (int i = 0; i < length; i++) {
                headerByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte() != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte() != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            headerByte();
            headerByte();
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
    }

    private long trailerInt() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = nextByte();
            if (b < 0) {
                throw new EOFException("truncated gzip trailer");
            }
            value |= (long) b << (8 * i);
        }
        return value;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!eof) {
            if (inflater.needsInput()) {
                if (pos == limit && nextByte() >= 0) {
                    pos--;
                }
                if (pos == limit) {
                    throw new EOFException("unexpected end of gzip data");
                }
                inflater.setInput(buf, pos, limit - pos);
                pos = limit;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("corrupt deflate data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                endOfMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("corrupt deflate data: a preset dictionary is required");
            }
        }
        return -1;
    }

    /** Checks the member's trailer, then expects another member or the end of the file, nothing else. */
    private void endOfMember() throws IOException {
        pos = limit - inflater.getRemaining();
        if (trailerInt() != crc.getValue()) {
            throw new ZipException("gzip CRC-32 mismatch: the data is corrupt");
        }
        if (trailerInt() != (memberBytes & 0xffffffffL)) {
            throw new ZipException("gzip size mismatch: the data is corrupt");
        }
        int next = nextByte();
        if (next < 0) {
            eof = true;
            return;
        }
        pos--;
        if (next != 0x1f) {
            throw new ZipException("data after the end of the gzip stream");
        }
        try {
            readHeader();
        } catch (ZipException e) {
            throw new ZipException("data after the end of the gzip stream (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
