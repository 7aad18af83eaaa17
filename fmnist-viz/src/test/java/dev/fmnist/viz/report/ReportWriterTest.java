package dev.fmnist.viz.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final Pattern IMG = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""
            + " width=\"(\\d+)\" height=\"(\\d+)\"");

    @TempDir
    Path dir;

    static Evaluation evaluation() {
        long[][] m = new long[10][10];
        for (int t = 0; t < 10; t++) {
            m[t][t] = 90;
            m[t][(t + 3) % 10] = 10;
        }
        m[6][6] = 55;
        m[6][0] = 45;
        return Evaluation.of(321.5, m);
    }

    static History history() {
        return new History(List.of(new EpochStats(1, 0.4987, 0.8234, 0.4412, 0.8411, 60000, 3_000_000_000L),
                new EpochStats(2, 0.3721, 0.8655, Double.NaN, Double.NaN, 60000, 2_500_000_000L)));
    }

    static Provenance provenance() {
        return new Provenance("pure", "0.1.0", "0.1.0-SNAPSHOT", TrainingConfig.defaults().withEpochs(2),
                "fashion-mnist/train", "abc123def456", Map.of("test_accuracy", 0.8765), Instant.parse(
                        "2026-11-28T12:00:00Z"), "OpenJDK 17", "Linux amd64", true, 2);
    }

    static ReportContent full() {
        Dataset test = SyntheticData.blobs("synthetic/test", 40, 4);
        float[] p = new float[test.size() * FashionClass.COUNT];
        for (int i = 0; i < test.size(); i++) {
            int predicted = i % 4 == 1 ? (test.label(i) + 1) % 10 : test.label(i);
            p[i * FashionClass.COUNT + predicted] = 0.8f;
            p[i * FashionClass.COUNT + (predicted + 5) % 10] = 0.2f;
        }
        return ReportContent.builder("Model <mlp> & friends").modelSummary("mlp: flatten -> dense(128, relu)")
                .provenance(provenance()).history(history()).evaluation(evaluation(), "synthetic/test")
                .predictions(test, p).build();
    }

    @Test
    void pageIsSelfContainedWithEveryPictureEmbedded() throws IOException {
        Path index = ReportWriter.defaults().write(full(), dir.resolve("report"));
        String html = Files.readString(index, StandardCharsets.UTF_8);

        assertThat(index.getFileName().toString()).isEqualTo("index.html");
        List<BufferedImage> images = embedded(html);
        assertThat(images).hasSize(4);
        for (BufferedImage image : images) {
            assertThat(image.getWidth()).isGreaterThan(200);
        }
        assertThat(java.util.stream.Stream.of("http://", "https://", "<script", "<link", "url(", "src=\"/", "@import")
                .filter(html::contains)).as("external references").isEmpty();
        assertThat(Pattern.compile("src=\"(?!data:)").matcher(html).find()).isFalse();
        assertThat(html.startsWith("<!DOCTYPE html>") && html.contains("<style>")).isTrue();
        try (Stream<Path> files = Files.list(dir.resolve("report"))) {
            assertThat(files).containsExactly(index);
        }
    }

    @Test
    void tablesCarryTheEvaluationHistoryProvenanceAndConfig() throws IOException {
        String html = Files.readString(ReportWriter.defaults().write(full(), dir), StandardCharsets.UTF_8);
        Evaluation e = evaluation();

        // Checked one by one, so a failure names the missing text rather than printing the whole page.
        assertThat(missing(html, String.format(Locale.ROOT, "<th>Accuracy</th><td>%.2f%%</td>", 100 * e.accuracy()),
                String.format(Locale.ROOT, "<th>Loss</th><td>%.4f</td>", e.loss()),
                String.format(Locale.ROOT, "<td>6</td><td>Shirt</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>110</td>",
                        e.perClass().get(6).precision(), e.perClass().get(6).recall(), e.perClass().get(6).f1()),
                "<td>Ankle boot</td>",
                "<td>1</td><td>0.4987</td><td>82.34%</td><td>0.4412</td><td>84.11%</td><td>3.00</td><td>20000</td>",
                "<td>2</td><td>0.3721</td><td>86.55%</td><td>-</td><td>-</td>",
                "pure 0.1.0", "abc123def456", "2026-11-28T12:00:00Z", "test_accuracy", "0.8765",
                "Adam (learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1.0E-7)",
                "<th>Batch size</th><td>32</td>", "<th>Seed</th><td>42</td>", "synthetic/test")).isEmpty();
        assertThat(e.perClass().get(6).recall()).isEqualTo(0.5);
    }

    @Test
    void textIsEscaped() {
        String html = ReportWriter.defaults().html(full());
        assertThat(html.contains("<h1>Model &lt;mlp&gt; &amp; friends</h1>")).isTrue();
        assertThat(html.contains("<mlp>")).isFalse();
    }

    @Test
    void missingPartsAreLeftOut() {
        String html = ReportWriter.defaults().html(ReportContent.builder("empty").build());
        assertThat(html).doesNotContain("<img", "Evaluation", "Training", "Provenance");
        String configOnly = ReportWriter.defaults().html(ReportContent.builder("c").config(TrainingConfig.defaults())
                .build());
        assertThat(configOnly).contains("Training configuration").doesNotContain("Provenance");
    }

    @Test
    void optionallyWritesThePicturesBesideThePage() throws IOException {
        ReportWriter writer = ReportWriter.defaults().withPngFiles(true);
        Path index = writer.write(full(), dir);
        writer.write(full(), dir);

        for (String name : List.of("confusion-matrix.png", "training-curves.png", "predictions.png", "mistakes.png")) {
            assertThat(ImageIO.read(dir.resolve(name).toFile())).as(name).isNotNull();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(5).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(index).exists();
    }

    @Test
    void anUnwritableDirectoryFailsWithAStorageException() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> ReportWriter.defaults().write(full(), file))
                .isInstanceOf(StorageException.class).hasMessageContaining("index.html");
    }

    @Test
    void predictionsPickFirstImagesAndMistakes() {
        ReportContent c = full();
        assertThat(c.samples()).hasSize(ReportContent.GRID_IMAGES);
        assertThat(c.mistakes()).hasSize(10).noneMatch(p -> p.correct());
        assertThat(c.config()).contains(provenance().config());
    }

    private static List<String> missing(String html, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !html.contains(p)).toList();
    }

    private static List<BufferedImage> embedded(String html) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(image.getWidth()).isEqualTo(Integer.parseInt(m.group(2)));
            assertThat(image.getHeight()).isEqualTo(Integer.parseInt(m.group(3)));
            out.add(image);
        }
        return out;
    }
}
