package dev.fmnist.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.cli.testing.ChildCli;
import dev.fmnist.cli.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fmnist serve} as a real child process: it answers on the port it prints, and a real SIGTERM stops
 * it accepting, lets the request in flight finish and ends it with exit code 0 within 10 seconds.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:(\\d+))/");

    @TempDir
    Path dir;

    private Process start(Path out, Path err, ChildCli cli) {
        return cli.start(out, err, "serve", "--model", Fixtures.model().toString(), "--port", "0", "--data",
                Fixtures.data().toString());
    }

    private static Matcher awaitListening(Process p, Path out) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (p.isAlive() && System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(out));
            if (m.find()) {
                return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not start: " + Files.readString(out));
    }

    @Test
    void sigtermFinishesTheRequestInFlightAndExitsZero() throws Exception {
        Path out = dir.resolve("serve.out");
        Path err = dir.resolve("serve.err");
        Process p = start(out, err, new ChildCli(dir, dir));
        try {
            Matcher listening = awaitListening(p, out);
            String base = listening.group(1);
            int port = Integer.parseInt(listening.group(2));
            assertThat(Files.readString(out)).contains("Sample images: 10").contains("Bearer token: none");

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> model = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/model")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(model.statusCode()).isEqualTo(200);
            assertThat(model.body()).contains("\"backend\":\"pure\"");

            // A request in flight: headers and half the body sent before the signal, the rest after it.
            String body = "{\"pixels\": [" + "0,".repeat(783) + "0]}";
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(20_000);
                OutputStream o = socket.getOutputStream();
                o.write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.write(bytes, 0, bytes.length / 2);
                o.flush();
                Thread.sleep(300);

                long signalled = System.nanoTime();
                new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                Thread.sleep(500);
                o.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                o.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 200");

                assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
                assertThat(System.nanoTime() - signalled).isLessThan(TimeUnit.SECONDS.toNanos(10));
            }
            String stdout = Files.readString(out);
            String stderr = ChildCli.withoutJvmNotes(Files.readString(err));
            assertThat(p.exitValue()).as(stdout + stderr).isZero();
            assertThat(stderr).contains("fmnist: SIGTERM: stopping: no new connections, finishing the requests in flight");
            assertThat(stdout).endsWith("Stopped.\n");
            // Nothing listens any more.
            try (Socket late = new Socket()) {
                late.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                throw new AssertionError("the port still accepts connections");
            } catch (IOException expected) {
                // refused: the server is gone
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aTokenFromTheEnvironmentGuardsPredict() throws Exception {
        Path out = dir.resolve("serve.out");
        Path err = dir.resolve("serve.err");
        Process p = start(out, err, new ChildCli(dir, dir).withEnv("FMNIST_TOKEN", "from-env"));
        try {
            String base = awaitListening(p, out).group(1);
            assertThat(Files.readString(out)).contains("Bearer token: required on POST /v1/predict");
            HttpClient client = HttpClient.newHttpClient();
            String body = "{\"pixels\": [" + "0,".repeat(783) + "0]}";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/predict"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            assertThat(client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(client.send(request.header("Authorization", "Bearer from-env").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
    }

    @Test
    void aBusyPortIsAOneLineError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var r = new ChildCli(dir, dir).run("serve", "--model", Fixtures.model().toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(1);
            // The fixture model was trained by the tests' fake backend: a note says it runs on pure instead.
            var lines = r.err().lines().filter(l -> !l.startsWith("fmnist: note: ")).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("fmnist: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Port already in use");
        }
    }
}
