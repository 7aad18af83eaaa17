package dev.fmnist.data.download;

import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.data.files.DataFile;
import dev.fmnist.data.idx.StrictGzipInputStream;
import dev.fmnist.data.locate.DataLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Checks the four files: a gzip file is genuine if its MD5 is the published one, or if the MD5 of its
 * uncompressed content is the original content's (Debian's package recompresses the files).
 */
public final class Checksums {

    /** The outcome for one file. */
    public enum Status {
        /** The file is byte for byte the published one. */
        OK,
        /** Recompressed or uncompressed, but the content is the published content. */
        CONTENT_OK,
        /** Neither the file nor its content matches: corrupt or another dataset. */
        MISMATCH,
        /** The file is absent. */
        MISSING;

        /** Whether the data is genuine. */
        public boolean genuine() {
            return this == OK || this == CONTENT_OK;
        }
    }

    /**
     * One file's check.
     *
     * @param file which file
     * @param path where it was looked for
     * @param status the outcome
     * @param actualMd5 the file's MD5, or empty when missing
     */
    public record Check(DataFile file, Path path, Status status, String actualMd5) {
    }

    private Checksums() {
    }

    /** Checks every file in {@code dir}. */
    public static List<Check> verify(Path dir) {
        List<Check> out = new ArrayList<>();
        for (DataFile f : DataFile.ALL) {
            Path path = DataLocation.resolve(dir, f);
            if (!Files.isRegularFile(path)) {
                out.add(new Check(f, path, Status.MISSING, ""));
            } else {
                String md5 = md5(path);
                Status status;
                if (md5.equals(f.md5())) {
                    status = Status.OK;
                } else {
                    boolean gz = path.getFileName().toString().endsWith(".gz");
                    String content = gz ? contentMd5(path) : md5;
                    status = f.contentMd5().equals(content) ? Status.CONTENT_OK : Status.MISMATCH;
                }
                out.add(new Check(f, path, status, md5));
            }
        }
        return out;
    }

    /** Lower-case hex MD5 of a file. */
    public static String md5(Path path) {
        MessageDigest md5 = newMd5();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                md5.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new StorageException("cannot read " + path + ": " + AtomicFiles.describe(e), e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /**
     * Lower-case hex MD5 of a gzip file's uncompressed content; empty if it is not valid gzip (a truncated
     * file, a bad CRC, or bytes after the last gzip member).
     */
    public static String contentMd5(Path path) {
        MessageDigest md5 = newMd5();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new StrictGzipInputStream(Files.newInputStream(path), 1 << 16)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                md5.update(buffer, 0, n);
            }
        } catch (ZipException | java.io.EOFException e) {
            return "";
        } catch (IOException e) {
            throw new StorageException("cannot read " + path + ": " + AtomicFiles.describe(e), e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
