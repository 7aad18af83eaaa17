package dev.fmnist.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fmnist.api.error.DataUnavailableException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.files.DataFile;
import dev.fmnist.data.locate.DataLocator;
import dev.fmnist.data.testing.IdxFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeouts, size caps, retries and recompressed mirrors, against an HTTP server on the loopback interface
 * that the test starts (one handler per behaviour: serve, stall, flood, fail first).
 */
@Timeout(60)
class DownloadLimitsTest {
    @TempDir
    Path root;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String behaviour = "serve";
    private List<DataFile> files;

    @BeforeEach
    void start() throws IOException {
        Path source = root.resolve("source");
        IdxFixtures.writeDataset(source, SyntheticData.blobs("t", 50, 1), SyntheticData.blobs("s", 20, 2));
        files = new ArrayList<>();
        for (DataFile f : DataFile.ALL) {
            Path file = source.resolve(f.fileName());
            served.put("/m/" + f.fileName(), Files.readAllBytes(file));
            files.add(new DataFile(f.fileName(), Checksums.md5(file), Checksums.contentMd5(file)));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = served.get(exchange.getRequestURI().getPath());
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else if (behaviour.equals("stall")) {
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                sleep(30_000);
            } else if (behaviour.equals("flood")) {
                exchange.sendResponseHeaders(200, 0); // chunked, no length announced
                OutputStream out = exchange.getResponseBody();
                byte[] junk = new byte[1 << 16];
                for (int i = 0; i < 2000; i++) {
                    out.write(junk);
                }
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // the client hung up, as it should
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Downloader downloader(int attempts) {
        return new Downloader(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/m/"), files,
                Duration.ofMillis(700), attempts, Duration.ofMillis(10));
    }

    private List<String> left(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aServerThatStallsTimesOutAndLeavesNothing() throws IOException {
        behaviour = "stall";
        Path target = root.resolve("d");
        long start = System.nanoTime();

        assertThatThrownBy(() -> downloader(2).downloadAll(target, DownloadProgress.silent()))
                .isInstanceOf(DataUnavailableException.class).hasMessageContaining("timed out")
                .hasMessageContaining("2 tries");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(left(target)).isEmpty();
    }

    @Test
    void aDownloadLargerThanTheFileCanBeIsCutOff() throws IOException {
        behaviour = "flood";
        Path target = root.resolve("d");

        assertThatThrownBy(() -> downloader(3).downloadAll(target, DownloadProgress.silent()))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("too large")
                .hasMessageContaining("train-images-idx3-ubyte.gz");

        assertThat(left(target)).isEmpty();
        assertThat(Downloader.maxBytes(DataFile.TRAIN_IMAGES)).isLessThan(30_000_000L);
    }

    @Test
    void serverErrorsAreRetried() {
        failuresLeft.set(2);
        Path target = root.resolve("d");

        downloader(3).downloadAll(target, DownloadProgress.silent());

        assertThat(FashionMnist.isComplete(target)).isTrue();
    }

    @Test
    void aMirrorOfRecompressedFilesIsAcceptedByContent() throws IOException {
        for (DataFile f : DataFile.ALL) {
            served.put("/m/" + f.fileName(), recompress(served.get("/m/" + f.fileName())));
        }
        Path target = root.resolve("d");

        downloader(1).downloadAll(target, DownloadProgress.silent());

        assertThat(Checksums.md5(target.resolve(DataFile.TEST_IMAGES.fileName())))
                .isNotEqualTo(files.get(2).md5());
        assertThat(FashionMnist.isComplete(target)).isTrue();
    }

    @Test
    void debiansDirectoryIsAFileMirror() {
        Path debian = Path.of(DataLocator.DEBIAN);
        Assumptions.assumeTrue(FashionMnist.isComplete(debian), "Debian's dataset-fashion-mnist is not installed; "
                + "skipped. " + DataLocator.HOW_TO_GET);
        Path target = root.resolve("d");

        new Downloader(debian.toUri(), DataFile.ALL, Duration.ofSeconds(5), 1, Duration.ZERO)
                .downloadAll(target, DownloadProgress.silent());

        assertThat(Checksums.verify(target)).allSatisfy(c -> assertThat(c.status())
                .isIn(Checksums.Status.OK, Checksums.Status.CONTENT_OK));
    }

    /** The same content, gzip'd at another level: other bytes, other MD5. */
    private static byte[] recompress(byte[] gz) throws IOException {
        byte[] content;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            content = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
