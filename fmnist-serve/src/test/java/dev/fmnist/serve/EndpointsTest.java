package dev.fmnist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.classify.Classification;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.Picture;
import dev.fmnist.data.classify.TestPictures;
import dev.fmnist.serve.testing.Http;
import dev.fmnist.serve.testing.TestServers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every endpoint of a server on an ephemeral loopback port, answering with a real model. */
class EndpointsTest {
    private static FmnistServer server;
    private static Http http;
    private static Classifier classifier;

    @BeforeAll
    static void start() {
        server = TestServers.start(ServeSettings.defaults());
        http = new Http(server.url());
        classifier = Classifier.of(TestServers.model());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> predictions(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return (List<Map<String, Object>>) answer.json().get("predictions");
    }

    /** The answer for one picture matches the library's classification of the same picture. */
    @SuppressWarnings("unchecked")
    static void assertSame(Map<String, Object> answered, Classification expected) {
        List<Map<String, Object>> top = (List<Map<String, Object>>) answered.get("top");
        assertThat(top).hasSize(expected.top().size());
        for (int i = 0; i < top.size(); i++) {
            Prediction.Ranked r = expected.top().get(i);
            assertThat(top.get(i).get("label")).isEqualTo((long) r.fashionClass().label());
            assertThat(top.get(i).get("class")).isEqualTo(r.fashionClass().displayName());
            assertThat(((Number) top.get(i).get("probability")).floatValue()).isEqualTo(r.probability());
        }
        Map<String, Object> input = (Map<String, Object>) answered.get("input");
        assertThat(Base64.getDecoder().decode((String) input.get("pixels_base64"))).isEqualTo(expected.pixels());
    }

    @Test
    void healthAndReadiness() {
        Http.Answer health = http.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "ok");
        Http.Answer ready = http.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json()).containsEntry("status", "ready");
    }

    @Test
    @SuppressWarnings("unchecked")
    void modelDescribesTheLoadedModel() {
        Map<String, Object> model = http.get("/v1/model").json();
        assertThat(model).containsEntry("name", "synthetic.fmnist").containsEntry("network", "mlp")
                .containsEntry("backend", "pure").containsEntry("parameters", 101_770L)
                .containsEntry("auth_required", false);
        assertThat(((Number) model.get("test_accuracy")).doubleValue())
                .isEqualTo(TestServers.model().provenance().metrics().get("test_accuracy")).isGreaterThan(0.8);
        assertThat((Map<String, Object>) model.get("provenance")).containsEntry("backend", "pure")
                .containsEntry("data_name", "synthetic/train");
        assertThat((Map<String, Object>) model.get("spec")).containsKey("layers");
    }

    @Test
    @SuppressWarnings("unchecked")
    void samplesAreTheFirstTestImageOfEachClass() {
        List<Map<String, Object>> samples = (List<Map<String, Object>>) http.get("/v1/samples").json().get("samples");
        assertThat(samples).hasSize(10);
        for (int c = 0; c < 10; c++) {
            Map<String, Object> s = samples.get(c);
            int index = ((Number) s.get("index")).intValue();
            assertThat(s.get("label")).isEqualTo((long) c);
            assertThat(s.get("class")).isEqualTo(FashionClass.ofLabel(c).displayName());
            assertThat(SyntheticData.test().label(index)).isEqualTo(c);
            assertThat(Base64.getDecoder().decode((String) s.get("pixels_base64")))
                    .isEqualTo(SyntheticData.test().image(index));
        }
    }

    @ParameterizedTest
    @CsvSource({"png,image/png", "jpeg,image/jpeg", "gif,image/gif", "bmp,image/bmp", "png,application/octet-stream",
        "png,image/png; charset=binary"})
    @SuppressWarnings("unchecked")
    void predictsAPictureSentAsTheBody(String format, String contentType) {
        byte[] picture = TestPictures.encode(TestPictures.shirtLike(90, 120), format);
        List<Map<String, Object>> predictions = predictions(http.post("/v1/predict", contentType, picture));
        assertThat(predictions).hasSize(1);
        assertSame(predictions.get(0), classifier.classify(picture, "body", 3));
        Map<String, Object> prep = (Map<String, Object>) predictions.get(0).get("preprocessing");
        assertThat(prep).containsEntry("source_width", 90L).containsEntry("source_height", 120L)
                .containsEntry("inverted", true);
        assertThat((Map<String, Object>) prep.get("crop")).containsKeys("x", "y", "width", "height");
        assertThat((List<Object>) prep.get("warnings")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void warningsArePartOfTheAnswer() {
        byte[] picture = TestPictures.encode(TestPictures.shirtLike(14, 16), "png");
        List<dev.fmnist.data.image.ImageWarning> expected =
                classifier.classify(picture, "body", 3).preparation().orElseThrow().warnings();
        assertThat(expected).contains(dev.fmnist.data.image.ImageWarning.TINY_OBJECT);
        Map<String, Object> prep = (Map<String, Object>) predictions(http.post("/v1/predict", "image/png", picture))
                .get(0).get("preprocessing");
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) prep.get("warnings");
        assertThat(warnings).extracting(w -> w.get("code"))
                .containsExactlyElementsOf(expected.stream().map(dev.fmnist.data.image.ImageWarning::code).toList());
        assertThat(warnings).extracting(w -> w.get("message"))
                .containsExactlyElementsOf(expected.stream().map(dev.fmnist.data.image.ImageWarning::message).toList());
    }

    @Test
    void topChoosesHowManyClasses() {
        byte[] picture = TestPictures.encode(TestPictures.shirtLike(40, 40), "png");
        assertSame(predictions(http.post("/v1/predict?top=10", "image/png", picture)).get(0),
                classifier.classify(picture, "body", 10));
        assertSame(predictions(http.post("/v1/predict?top=1", "image/png", picture)).get(0),
                classifier.classify(picture, "body", 1));
    }

    @Test
    void multipartWithSeveralImagePartsAnswersInOrder() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("wide.png", TestPictures.encode(TestPictures.shirtLike(200, 60), "png"));
        files.put("tall.jpg", TestPictures.encode(TestPictures.shirtLike(50, 150), "jpeg"));
        files.put("test.png", TestPictures.encode(photo(SyntheticData.test().image(3)), "png"));
        Object[] body = Http.multipart("image", files, "image/png");
        List<Map<String, Object>> predictions = predictions(http.post("/v1/predict", (String) body[0], (byte[]) body[1]));
        assertThat(predictions).extracting(p -> p.get("source")).containsExactly("wide.png", "tall.jpg", "test.png");
        int i = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertSame(predictions.get(i++), classifier.classify(f.getValue(), f.getKey(), 3));
        }
    }

    @Test
    void jsonPixelsOneOrAListFlatOrInRows() {
        byte[] first = SyntheticData.test().image(0);
        byte[] second = SyntheticData.test().image(1);
        List<Map<String, Object>> one = predictions(http.post("/v1/predict", "application/json",
                Json.write(Map.of("pixels", values(first))).getBytes()));
        assertThat(one).hasSize(1);
        assertThat(one.get(0)).containsEntry("preprocessing", null);
        assertSame(one.get(0), classifier.classify(Picture.pixels(first, "p"), 3));
        assertThat(one.get(0).get("top").toString()).contains(FashionClass.ofLabel(SyntheticData.test().label(0))
                .displayName());

        List<Object> rows = new ArrayList<>();
        for (int r = 0; r < 28; r++) {
            rows.add(values(second).subList(r * 28, r * 28 + 28));
        }
        String list = Json.write(List.of(Map.of("pixels", values(first)), Map.of("pixels", rows)));
        List<Map<String, Object>> two = predictions(http.post("/v1/predict?top=2", "application/json; charset=utf-8",
                list.getBytes()));
        assertThat(two).extracting(p -> p.get("source")).containsExactly("pixels[0]", "pixels[1]");
        assertSame(two.get(1), classifier.classify(Picture.pixels(second, "p"), 2));
    }

    @Test
    void metricsInPrometheusTextFormat() {
        http.post("/v1/predict", "image/png", TestPictures.encode(TestPictures.shirtLike(30, 30), "png"));
        http.post("/v1/predict", "text/plain", "nope".getBytes());
        http.get("/healthz");
        Http.Answer metrics = http.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body())
                .contains("fmnist_http_requests_seconds_count{endpoint=\"/v1/predict\",method=\"POST\",status=\"200\"}")
                .contains("fmnist_http_requests_seconds_count{endpoint=\"/v1/predict\",method=\"POST\",status=\"415\"}")
                .contains("fmnist_http_requests_seconds_count{endpoint=\"/healthz\",method=\"GET\",status=\"200\"}")
                .contains("fmnist_http_requests_seconds_bucket{endpoint=\"/v1/predict\",method=\"POST\",status=\"200\",le=")
                .contains("fmnist_batch_size_bucket{le=\"32.0\"}")
                .containsPattern("fmnist_batch_size_count [1-9]")
                .containsPattern("fmnist_pictures_total [1-9]")
                .contains("fmnist_model{backend=\"pure\",model=\"mlp\",parameters=\"101770\"} 1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentDescribesEveryEndpoint() {
        Http.Answer doc = http.get("/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.contentType()).startsWith("application/json");
        Map<String, Object> json = doc.json();
        assertThat((String) json.get("openapi")).startsWith("3.");
        assertThat((Map<String, Object>) json.get("paths")).containsOnlyKeys("/v1/predict", "/v1/model",
                "/v1/samples", "/healthz", "/readyz", "/metrics", "/openapi.json", "/");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) json.get("components")).get("schemas");
        Map<String, Object> preprocessing = (Map<String, Object>) ((Map<String, Object>) schemas.get("Preprocessing"))
                .get("properties");
        assertThat(preprocessing).containsKeys("crop", "warnings");
        Map<String, Object> code = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                schemas.get("Warning")).get("properties")).get("code");
        assertThat((List<Object>) code.get("enum")).containsExactlyElementsOf(
                java.util.Arrays.stream(dev.fmnist.data.image.ImageWarning.values())
                        .map(dev.fmnist.data.image.ImageWarning::code).toList());
    }

    @Test
    void thePageIsSelfContained() {
        Http.Answer page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.body()).contains("<script src=\"/app.js\">").contains("href=\"/style.css\"")
                .contains("aria-live=\"polite\"").contains("<label for=\"files\"");
        for (String resource : List.of("/", "/app.js", "/style.css")) {
            Http.Answer a = http.get(resource);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).as(resource + " loads nothing from elsewhere").doesNotContain("http://")
                    .doesNotContain("https://").doesNotContain("@import").doesNotContain("url(");
        }
        assertThat(http.get("/app.js").contentType()).startsWith("text/javascript");
        assertThat(http.get("/style.css").contentType()).startsWith("text/css");
    }

    @Test
    void noCorsUnlessEnabled() {
        Http.Answer a = http.send(http.request("/v1/model").header("Origin", "https://elsewhere.example").GET().build());
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void corsForTheOriginGiven() {
        try (FmnistServer cors = TestServers.start(ServeSettings.defaults()
                .withCorsOrigin(java.util.Optional.of("https://shop.example")))) {
            Http h = new Http(cors.url());
            Http.Answer a = h.send(h.request("/v1/model").header("Origin", "https://shop.example").GET().build());
            assertThat(a.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
            Http.Answer other = h.send(h.request("/v1/model").header("Origin", "https://evil.example").GET().build());
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    static List<Long> values(byte[] pixels) {
        List<Long> v = new ArrayList<>();
        for (byte b : pixels) {
            v.add((long) (b & 0xff));
        }
        return v;
    }

    /** A test image as a dark-on-light photo, three times the size. */
    static java.awt.image.BufferedImage photo(byte[] pixels) {
        var image = new java.awt.image.BufferedImage(84, 84, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 84; y++) {
            for (int x = 0; x < 84; x++) {
                int v = 255 - (pixels[(y / 3) * 28 + x / 3] & 0xff);
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }
}
