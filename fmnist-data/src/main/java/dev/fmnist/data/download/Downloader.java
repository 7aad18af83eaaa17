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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Downloads the four files from the dataset's canonical location into a directory. Each file streams
 * into a temporary file beside its target while its MD5 is computed; only a file whose MD5 matches the
 * published sum is moved into place, so an interrupted or corrupted download never leaves a bad file.
 * Files already present with the right MD5 are kept.
 */
public final class Downloader {
    /** Where the dataset's authors publish the files. */
    public static final URI CANONICAL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    private final URI base;
    private final Map<DataFile, String> expectedMd5;
    private final HttpClient client;
    private final Duration timeout;

    /** A downloader from the canonical location with the published sums. */
    public static Downloader canonical() {
        return new Downloader(CANONICAL, null, Duration.ofSeconds(30));
    }

    /**
     * @param base the URL the file names are resolved against
     * @param expectedMd5 the sums to check, or null for the published ones
     * @param timeout for connecting and for each response to start
     */
    public Downloader(URI base, Map<DataFile, String> expectedMd5, Duration timeout) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.expectedMd5 = expectedMd5;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = timeout;
    }

    /**
     * Downloads whatever of the four files {@code dir} lacks.
     *
     * @throws DataUnavailableException when the server cannot be reached, with what to do instead
     * @throws InvalidDataException when a download's MD5 does not match
     */
    public void downloadAll(Path dir, DownloadProgress progress) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create " + dir + ": " + AtomicFiles.describe(e), e);
        }
        for (DataFile f : DataFile.ALL) {
            Path target = dir.resolve(f.fileName());
            if (Files.isRegularFile(target) && Checksums.md5(target).equals(md5Of(f))) {
                progress.finished(f);
                continue;
            }
            download(f, target, progress);
        }
    }

    /** The files in download order. */
    public List<DataFile> files() {
        return DataFile.ALL;
    }

    private String md5Of(DataFile f) {
        return expectedMd5 == null ? f.md5() : expectedMd5.getOrDefault(f, f.md5());
    }

    private void download(DataFile f, Path target, DownloadProgress progress) {
        URI uri = base.resolve(f.fileName());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        Path temp = null;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DataUnavailableException("could not download " + uri + ": HTTP "
                            + response.statusCode() + "; " + DataLocator.HOW_TO_GET);
                }
                long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                temp = Files.createTempFile(target.getParent(), "." + f.fileName(), ".part");
                MessageDigest md5 = Checksums.newMd5();
                long bytes = 0;
                byte[] buffer = new byte[1 << 16];
                try (OutputStream out = Files.newOutputStream(temp)) {
                    for (int n; (n = body.read(buffer)) > 0;) {
                        out.write(buffer, 0, n);
                        md5.update(buffer, 0, n);
                        bytes += n;
                        progress.update(f, bytes, total);
                    }
                }
                String actual = HexFormat.of().formatHex(md5.digest());
                if (!actual.equals(md5Of(f))) {
                    throw new InvalidDataException("download of " + f.fileName() + " is corrupt (MD5 " + actual
                            + ", expected " + md5Of(f) + "); nothing was kept, try again");
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                temp = null;
                progress.finished(f);
            }
        } catch (IOException e) {
            throw new DataUnavailableException("could not download " + uri + " (" + describe(e) + "); "
                    + DataLocator.HOW_TO_GET, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataUnavailableException("download of " + uri + " was interrupted");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The target was never touched; a stray .part file is harmless.
                }
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
