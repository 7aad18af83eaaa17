package dev.fmnist.data.download;

import dev.fmnist.api.error.DataUnavailableException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.data.files.DataFile;
import dev.fmnist.data.locate.DataLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Downloads the four files from the dataset's canonical location (or a mirror: any {@code http:},
 * {@code https:} or {@code file:} base) into a directory. Each file streams into a temporary {@code .part}
 * file beside its target while its MD5 is computed; only a file whose MD5 matches the published sum, or
 * whose uncompressed content matches the published content (a mirror of Debian's recompressed files), is
 * moved into place. So an interrupted, stalled, oversized or corrupted download never leaves a bad file:
 * connecting and every read time out, a download is cut off once it exceeds its file's known size by
 * a tenth, failed transfers are retried with a doubling pause, and a {@code .part} file is deleted when the
 * JVM ends (also on Ctrl-C and SIGTERM). Files already present and genuine are kept.
 */
public final class Downloader {
    /** Where the dataset's authors publish the files. */
    public static final URI CANONICAL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /** Sizes of the published gzip files; recompressed copies (Debian's) are a few bytes smaller. */
    private static final Map<String, Long> PUBLISHED_BYTES = Map.of(
            DataFile.TRAIN_IMAGES.fileName(), 26_421_880L, DataFile.TRAIN_LABELS.fileName(), 29_515L,
            DataFile.TEST_IMAGES.fileName(), 4_422_102L, DataFile.TEST_LABELS.fileName(), 5_148L);

    private final URI base;
    private final List<DataFile> files;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;

    /** A downloader from the canonical location with the published sums. */
    public static Downloader canonical() {
        return new Downloader(CANONICAL, null, Duration.ofSeconds(30));
    }

    /**
     * A downloader trying each file up to 3 times, pausing 1 s, then 2 s.
     *
     * @param base the URL the file names are resolved against
     * @param expectedMd5 the gzip sums to check, or null for the published ones
     * @param timeout for connecting and for each read
     */
    public Downloader(URI base, Map<DataFile, String> expectedMd5, Duration timeout) {
        this(base, withSums(expectedMd5), timeout, 3, Duration.ofSeconds(1));
    }

    /**
     * @param base the URL the file names are resolved against
     * @param files the files to fetch, with the sums they must match
     * @param timeout for connecting and for each read
     * @param attempts tries per file (at least 1)
     * @param backoff the pause after the first failed try, doubled after each further one
     */
    public Downloader(URI base, List<DataFile> files, Duration timeout, int attempts, Duration backoff) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.files = List.copyOf(files);
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
    }

    private static List<DataFile> withSums(Map<DataFile, String> md5) {
        List<DataFile> out = new ArrayList<>();
        for (DataFile f : DataFile.ALL) {
            out.add(md5 == null ? f : new DataFile(f.fileName(), md5.getOrDefault(f, f.md5()), f.contentMd5()));
        }
        return out;
    }

    /**
     * Downloads whatever of the four files {@code dir} lacks.
     *
     * @throws DataUnavailableException when the server cannot be reached, with what to do instead
     * @throws InvalidDataException when a download matches neither sum, or is larger than the file can be
     */
    public void downloadAll(Path dir, DownloadProgress progress) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create " + dir + ": " + AtomicFiles.describe(e), e);
        }
        for (DataFile f : files) {
            Path target = dir.resolve(f.fileName());
            if (Files.isRegularFile(target) && genuine(f, target, Checksums.md5(target))) {
                progress.finished(f);
                continue;
            }
            downloadWithRetries(f, target, progress);
        }
    }

    /** The files in download order. */
    public List<DataFile> files() {
        return files;
    }

    /** The most bytes a download of {@code f} may have: its published size and a tenth. */
    static long maxBytes(DataFile f) {
        long published = PUBLISHED_BYTES.getOrDefault(f.fileName(), 64L << 20);
        return published + published / 10;
    }

    private static boolean genuine(DataFile f, Path file, String md5) {
        return md5.equals(f.md5()) || Checksums.contentMd5(file).equals(f.contentMd5());
    }

    private void downloadWithRetries(DataFile f, Path target, DownloadProgress progress) {
        long pause = backoff.toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                download(f, target, progress);
                return;
            } catch (Transient e) {
                if (attempt >= attempts) {
                    throw new DataUnavailableException("could not download " + e.uri + " (" + e.getMessage()
                            + (attempts > 1 ? ", " + attempts + " tries" : "") + "); " + DataLocator.HOW_TO_GET,
                            e.getCause());
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataUnavailableException("download of " + f.fileName() + " was interrupted");
            }
            pause *= 2;
        }
    }

    /** A failure worth another try: the network, a timeout, a server error. */
    private static final class Transient extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient URI uri;

        Transient(URI uri, String message, Throwable cause) {
            super(message, cause);
            this.uri = uri;
        }
    }

    private void download(DataFile f, Path target, DownloadProgress progress) throws Transient {
        URI uri = base.resolve(f.fileName());
        long max = maxBytes(f);
        Path temp = null;
        try {
            URLConnection connection = uri.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            if (connection instanceof HttpURLConnection http) {
                int status = http.getResponseCode();
                if (status >= 500) {
                    throw new Transient(uri, "HTTP " + status, null);
                }
                if (status != 200) {
                    throw new DataUnavailableException("could not download " + uri + ": HTTP " + status + "; "
                            + DataLocator.HOW_TO_GET);
                }
            }
            long total = connection.getContentLengthLong();
            if (total > max) {
                throw tooLarge(f, total + " bytes announced");
            }
            temp = Files.createTempFile(target.getParent(), "." + f.fileName(), ".part");
            temp.toFile().deleteOnExit(); // the JVM's shutdown hooks also run on Ctrl-C and SIGTERM
            MessageDigest md5 = Checksums.newMd5();
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream body = connection.getInputStream(); OutputStream out = Files.newOutputStream(temp)) {
                for (int n; (n = body.read(buffer)) > 0;) {
                    bytes += n;
                    if (bytes > max) {
                        throw tooLarge(f, "more than " + max + " bytes sent");
                    }
                    out.write(buffer, 0, n);
                    md5.update(buffer, 0, n);
                    progress.update(f, bytes, total);
                }
            }
            if (total >= 0 && bytes != total) {
                throw new Transient(uri, "connection closed after " + bytes + " of " + total + " bytes", null);
            }
            String actual = HexFormat.of().formatHex(md5.digest());
            if (!genuine(f, temp, actual)) {
                throw new InvalidDataException("download of " + f.fileName() + " is corrupt (MD5 " + actual
                        + ", expected " + f.md5() + " or recompressed content " + f.contentMd5()
                        + "); nothing was kept, try again");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            progress.finished(f);
        } catch (IOException e) {
            throw new Transient(uri, describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The target was never touched; deleteOnExit tries again.
                }
            }
        }
    }

    private static InvalidDataException tooLarge(DataFile f, String what) {
        return new InvalidDataException("download of " + f.fileName() + " is too large (" + what + "; the file has "
                + PUBLISHED_BYTES.get(f.fileName()) + " bytes); nothing was kept, check the mirror");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
