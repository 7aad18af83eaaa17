package dev.fmnist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.data.classify.TestPictures;
import dev.fmnist.serve.testing.Http;
import dev.fmnist.serve.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every refusal: the status, a JSON body {@code {"error", "detail"}} naming the problem, no stack trace, and
 * a server that goes on answering.
 */
class BadInputTest {
    private static final long LIMIT = 200_000;
    private static FmnistServer server;
    private static Http http;
    private static final byte[] GOOD = TestPictures.encode(TestPictures.shirtLike(64, 80), "png");

    @BeforeAll
    static void start() {
        server = TestServers.start(ServeSettings.defaults().withLimits(LIMIT, 1_000_000, Duration.ofSeconds(30)));
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Checks the answer is a JSON error with this status and code, and that the server still predicts. */
    static void assertRefused(Http.Answer answer, int status, String error, String detailPart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        Map<String, Object> body = answer.json();
        assertThat(body).containsOnlyKeys("error", "detail").containsEntry("error", error);
        assertThat((String) body.get("detail")).contains(detailPart).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(http.post("/v1/predict", "image/png", GOOD).status()).as("the next request").isEqualTo(200);
    }

    @Test
    void overTheBodyLimitIs413() {
        byte[] big = new byte[(int) LIMIT + 1];
        assertRefused(http.post("/v1/predict", "image/png", big), 413, "payload_too_large", "over the limit of 200000");
        // Without a Content-Length (chunked), the body is cut off at the limit.
        HttpRequest chunked = http.request("/v1/predict").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertRefused(http.send(chunked), 413, "payload_too_large", "more than 200000 bytes");
        Object[] multipart = Http.multipart("image", Map.of("big.png", big), "image/png");
        assertRefused(http.post("/v1/predict", (String) multipart[0], (byte[]) multipart[1]), 413,
                "payload_too_large", "over the limit");
    }

    @Test
    void unsupportedTypesAre415() {
        assertRefused(http.post("/v1/predict", "text/plain", "a shoe".getBytes()), 415, "unsupported_media_type",
                "text/plain is not accepted");
        assertRefused(http.post("/v1/predict", null, GOOD), 415, "unsupported_media_type", "no Content-Type");
        // WebP is read since the TwelveMonkeys readers came in; HEIC has no reader here.
        byte[] heic = "\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(http.post("/v1/predict", "image/heic", heic), 415, "unsupported_media_type", "image/heic");
        Object[] multipart = Http.multipart("image", Map.of("notes.txt", "hello".getBytes()), "text/plain");
        assertRefused(http.post("/v1/predict", (String) multipart[0], (byte[]) multipart[1]), 415,
                "unsupported_media_type", "part notes.txt is text/plain");
    }

    @Test
    void undecodablePicturesAre400() {
        assertRefused(http.post("/v1/predict", "image/png", "not a picture".getBytes()), 400, "invalid_picture",
                "is not a picture");
        assertRefused(http.post("/v1/predict", "application/octet-stream", new byte[] {1, 2, 3}), 400,
                "invalid_picture", "is not a picture");
        assertRefused(http.post("/v1/predict", "image/png", new byte[0]), 400, "empty_body", "no body");
    }

    @Test
    void truncatedPicturesAre400() {
        assertRefused(http.post("/v1/predict", "image/png", TestPictures.truncated(GOOD, 0.5)), 400, "invalid_picture",
                "corrupt or truncated");
        byte[] jpeg = TestPictures.encode(TestPictures.shirtLike(64, 80), "jpeg");
        assertRefused(http.post("/v1/predict", "image/jpeg", TestPictures.truncated(jpeg, 0.6)), 400,
                "invalid_picture", "body");
        byte[] gif = TestPictures.encode(TestPictures.shirtLike(64, 80), "gif");
        assertRefused(http.post("/v1/predict", "image/gif", TestPictures.truncated(gif, 0.5)), 400,
                "invalid_picture", "body");
    }

    @Test
    void decompressionBombsAre400FromTheirHeader() {
        long before = Runtime.getRuntime().totalMemory();
        assertRefused(http.post("/v1/predict", "image/png", TestPictures.pngClaiming(60_000, 60_000)), 400,
                "invalid_picture", "too large (60000x60000 pixels)");
        // Above this server's 1-megapixel limit, though small as a file.
        assertRefused(http.post("/v1/predict", "image/png", TestPictures.encode(TestPictures.shirtLike(1100, 1000),
                "png")), 400, "invalid_picture", "1100x1000");
        assertThat(Runtime.getRuntime().totalMemory() - before).isLessThan(512L * 1024 * 1024);
    }

    @Test
    void wrongPixelsAre400() {
        assertRefused(json("{\"pixels\": [1, 2, 3]}"), 400, "invalid_pixels", "expected 784 pixels (28x28), got 3");
        assertRefused(json("[{\"pixels\": " + pixels(784, "0") + "}, {\"pixels\": " + pixels(785, "0") + "}]"), 400,
                "invalid_pixels", "pixels[1]: expected 784 pixels (28x28), got 785");
        assertRefused(json("{\"pixels\": " + pixels(784, "300") + "}"), 400, "invalid_pixels", "outside 0..255");
        assertRefused(json("{\"pixels\": " + pixels(784, "\"a\"") + "}"), 400, "invalid_pixels", "not a number");
        assertRefused(json("{\"picture\": []}"), 400, "invalid_pixels", "expected an object {\"pixels\"");
        assertRefused(json("[]"), 400, "invalid_pixels", "empty");
        assertRefused(json("{\"pixels\": [1, 2"), 400, "invalid_json", "not JSON");
    }

    @Test
    void otherBadRequestsAre400() {
        Object[] noImage = Http.multipart("file", Map.of("a.png", GOOD), "image/png");
        assertRefused(http.post("/v1/predict", (String) noImage[0], (byte[]) noImage[1]), 400, "no_image",
                "no 'image' part");
        for (String top : List.of("0", "11", "three", "")) {
            assertRefused(http.post("/v1/predict?top=" + top, "image/png", GOOD), 400, "invalid_top", "1 to 10");
        }
        String many = "[" + String.join(",", Collections.nCopies(257, "{\"pixels\": " + pixels(784, "0") + "}"))
                + "]";
        assertThat(many.length()).isLessThan((int) LIMIT * 10);
        Http bigServerHttp;
        try (FmnistServer roomy = TestServers.start(ServeSettings.defaults())) {
            bigServerHttp = new Http(roomy.url());
            Http.Answer a = bigServerHttp.post("/v1/predict", "application/json", many.getBytes());
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json()).containsEntry("error", "too_many_pictures");
        }
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertRefused(http.get("/v2/predict"), 404, "not_found", "GET /v2/predict");
        assertRefused(http.get("/v1/predict"), 405, "method_not_allowed", "GET");
        assertRefused(http.send(http.request("/v1/model").DELETE().build()), 405, "method_not_allowed", "DELETE");
    }

    @Test
    void jettysOwnRefusalsAreJsonToo() {
        HttpRequest huge = http.request("/healthz").header("X-Big", "x".repeat(20_000)).GET().build();
        Http.Answer a = http.send(huge);
        assertThat(a.status()).isEqualTo(431);
        assertThat(a.json()).containsEntry("error", "headers_too_large").containsKey("detail");
        assertThat(a.body()).doesNotContain("\tat ");
    }

    @Test
    void withATokenPredictNeedsIt() {
        try (FmnistServer guarded = TestServers.start(ServeSettings.defaults().withToken(Optional.of("s3cret")))) {
            Http h = new Http(guarded.url());
            Http.Answer none = h.post("/v1/predict", "image/png", GOOD);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.json()).containsEntry("error", "unauthorized");
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            Http.Answer wrong = h.send(h.request("/v1/predict").header("Content-Type", "image/png")
                    .header("Authorization", "Bearer guess").POST(HttpRequest.BodyPublishers.ofByteArray(GOOD)).build());
            assertThat(wrong.status()).isEqualTo(401);
            assertThat((String) wrong.json().get("detail")).contains("not valid");
            Http.Answer basic = h.send(h.request("/v1/predict").header("Content-Type", "image/png")
                    .header("Authorization", "Basic czNjcmV0").POST(HttpRequest.BodyPublishers.ofByteArray(GOOD)).build());
            assertThat(basic.status()).isEqualTo(401);
            Http.Answer right = h.send(h.request("/v1/predict").header("Content-Type", "image/png")
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofByteArray(GOOD)).build());
            assertThat(right.status()).isEqualTo(200);
            // Health, readiness and the model stay open; the model says a token is needed.
            assertThat(h.get("/healthz").status()).isEqualTo(200);
            assertThat(h.get("/v1/model").json()).containsEntry("auth_required", true);
        }
    }

    @Test
    void aClientThatNeverReadsItsAnswersHoldsUpNobodyElse() throws Exception {
        // 40 pictures a request: each answer (about 60 KB) is larger than Jetty's output buffer.
        String body = "[" + String.join(",", Collections.nCopies(40, "{\"pixels\": " + pixels(784, "0") + "}")) + "]";
        byte[] request = ("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        try (FmnistServer own = TestServers.start(ServeSettings.defaults()); Socket hostile = new Socket()) {
            hostile.setReceiveBufferSize(1024);
            hostile.connect(new InetSocketAddress("127.0.0.1", own.port()), 5000);
            // Pipelined requests whose answers are never read: once the socket's buffers are full, writing the
            // next answer blocks whichever server thread writes it.
            Thread flood = new Thread(() -> {
                try {
                    OutputStream out = hostile.getOutputStream();
                    for (int i = 0; i < 2_000; i++) {
                        out.write(request);
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            flood.setDaemon(true);
            flood.start();
            Http h = new Http(own.url());
            long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            int answered = 0;
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                Http.Answer a = h.post("/v1/predict", "image/png", GOOD);
                assertThat(a.status()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answer " + answered)
                        .isLessThan(Duration.ofSeconds(5));
                answered++;
                Thread.sleep(200);
            }
            assertThat(flood.isAlive()).as("the flood is held back by its unread answers").isTrue();
        }
    }

    @Test
    void oversizedBodiesAreAnsweredNotReset() {
        // The JDK client sends the whole body before it reads: had the server closed with the rest unread, the
        // reset would destroy the 413 ("header parser received no bytes"), within a few rounds without the fix.
        byte[] big = new byte[(int) LIMIT + 1];
        Object[] multipart = Http.multipart("image", Map.of("big.png", big), "image/png");
        for (int round = 0; round < 60; round++) {
            assertThat(http.post("/v1/predict", (String) multipart[0], (byte[]) multipart[1]).status())
                    .as("multipart, round " + round).isEqualTo(413);
            HttpRequest chunked = http.request("/v1/predict").header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
            assertThat(http.send(chunked).status()).as("chunked, round " + round).isEqualTo(413);
        }
    }

    @Test
    void slowClientsAreCutOff() throws IOException {
        try (FmnistServer impatient = TestServers.start(ServeSettings.defaults()
                .withLimits(LIMIT, 1_000_000, Duration.ofMillis(800)));
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", impatient.port()), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n"
                    + "only part of the body").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            double seconds = (System.nanoTime() - start) / 1e9;
            // The 0.8 s idle timeout ends the request (with an answer or without); the 10 s read timeout is not hit.
            assertThat(seconds).isLessThan(9);
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("\tat ");
        }
        assertThat(http.post("/v1/predict", "image/png", GOOD).status()).isEqualTo(200);
    }

    @Test
    void badRequestsAmongGoodOnesHurtNoOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            Map<Integer, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < 120; i++) {
                int kind = i % 4;
                expected.put(i, kind == 0 ? 200 : kind == 1 ? 400 : kind == 2 ? 415 : 200);
                answers.add(pool.submit(() -> switch (kind) {
                    case 0 -> http.post("/v1/predict", "image/png", GOOD).status();
                    case 1 -> http.post("/v1/predict", "image/png", TestPictures.truncated(GOOD, 0.3)).status();
                    case 2 -> http.post("/v1/predict", "text/csv", "1,2".getBytes()).status();
                    default -> json("{\"pixels\": " + pixels(784, "7") + "}").status();
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).as("request " + i).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Http.Answer json(String body) {
        return http.post("/v1/predict", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String pixels(int count, String value) {
        return Json.write(List.of()).replace("[]", "[" + String.join(",", Collections.nCopies(count, value)) + "]");
    }
}
