package dev.fmnist.cli.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.fmnist.cli.testing.ChildCli;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ctrl-C or SIGTERM during {@code data fetch} leaves no {@code .part} file, as its help promises. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FetchSignalTest {
    @TempDir
    Path dir;

    private HttpServer server;

    /** A loopback server that sends the first 100 KB of every file, then holds the connection. */
    @BeforeEach
    void startStallingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 1_000_000);
                OutputStream out = exchange.getResponseBody();
                out.write(new byte[100_000]);
                out.flush();
                Thread.sleep(60_000);
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private long partFiles(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringADownloadLeavesNoPartFile(String signal) throws Exception {
        if (signal.equals("INT")) {
            ChildCli.assumeInterruptReachesChildren();
        }
        Path data = dir.resolve("data");
        Process p = new ChildCli(dir, dir).start(dir.resolve("fetch.out"), dir.resolve("fetch.err"), "data", "fetch",
                "--data", data.toString(), "--from", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partFiles(data) == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(partFiles(data)).as("a download is under way").isEqualTo(1);

        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(partFiles(data)).isZero();
    }
}
