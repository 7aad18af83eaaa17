package dev.fmnist.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.fmnist.api.error.DataUnavailableException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.files.DataFile;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.IdxFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from an HTTP server on the loopback interface that the test starts and stops. */
class DownloaderTest {
    @TempDir
    Path root;

    private HttpServer server;
    private final Map<String, byte[]> served = new HashMap<>();
    private Map<DataFile, String> sums;

    @BeforeEach
    void serveSyntheticFiles() throws IOException {
        Path source = root.resolve("source");
        IdxFixtures.writeDataset(source, SyntheticData.blobs("t", 50, 1), SyntheticData.blobs("s", 20, 2));
        sums = new HashMap<>();
        for (DataFile f : DataFile.ALL) {
            served.put("/fmnist/" + f.fileName(), Files.readAllBytes(source.resolve(f.fileName())));
            sums.put(f, Checksums.md5(source.resolve(f.fileName())));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fmnist/");
    }

    @Test
    void downloadsVerifiesAndLoads() {
        Path target = root.resolve("data");
        List<String> events = new ArrayList<>();
        new Downloader(base(), sums, Duration.ofSeconds(5)).downloadAll(target, new DownloadProgress() {
            @Override
            public void update(DataFile file, long bytes, long total) {
                assertThat(bytes).isLessThanOrEqualTo(total);
            }

            @Override
            public void finished(DataFile file) {
                events.add(file.fileName());
            }
        });
        assertThat(events).containsExactly("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        FashionMnist data = FashionMnist.load(target);
        assertThat(data.train().size()).isEqualTo(50);
        assertThat(data.test().size()).isEqualTo(20);
        // Synthetic files are not the published dataset: verification must say so.
        assertThat(Checksums.verify(target)).allSatisfy(c -> assertThat(c.status())
                .isEqualTo(Checksums.Status.MISMATCH));
    }

    @Test
    void aCorruptedDownloadLeavesNothingBehind() throws IOException {
        byte[] good = served.get("/fmnist/t10k-images-idx3-ubyte.gz");
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x55;
        served.put("/fmnist/t10k-images-idx3-ubyte.gz", bad);
        Path target = root.resolve("data");
        Downloader downloader = new Downloader(base(), sums, Duration.ofSeconds(5));
        assertThatThrownBy(() -> downloader.downloadAll(target, DownloadProgress.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte.gz is corrupt");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        }
        served.put("/fmnist/t10k-images-idx3-ubyte.gz", good);
        downloader.downloadAll(target, DownloadProgress.silent());
        assertThat(FashionMnist.isComplete(target)).isTrue();
    }

    @Test
    void aMissingFileOnTheServerSaysWhatToDo() {
        served.remove("/fmnist/train-labels-idx1-ubyte.gz");
        Downloader downloader = new Downloader(base(), sums, Duration.ofSeconds(5));
        assertThatThrownBy(() -> downloader.downloadAll(root.resolve("d"), DownloadProgress.silent()))
                .isInstanceOf(DataUnavailableException.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("apt-get install");
    }

    @Test
    void anUnreachableServerSaysWhatToDo() {
        int port = server.getAddress().getPort();
        server.stop(0);
        Downloader downloader = new Downloader(URI.create("http://127.0.0.1:" + port + "/"), sums,
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> downloader.downloadAll(root.resolve("d"), DownloadProgress.silent()))
                .isInstanceOf(DataUnavailableException.class).hasMessageContaining("could not download")
                .hasMessageContaining("apt-get install");
    }

    @Test
    void thePublishedSumsAreUsedByDefault() {
        assertThat(DataFile.TRAIN_IMAGES.md5()).isEqualTo("8d4fb7e6c68d591d4c3dfef9ec88bf0d");
        Downloader downloader = new Downloader(base(), null, Duration.ofSeconds(5));
        assertThatThrownBy(() -> downloader.downloadAll(root.resolve("d"), DownloadProgress.silent()))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("expected 8d4fb7e6");
    }
}
