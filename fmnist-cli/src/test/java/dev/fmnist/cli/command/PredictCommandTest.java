package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    Path dir;

    /**
     * Test image {@code index} of the synthetic set as a large product photo: inverted (dark on white),
     * scaled up 10 times and placed off-centre on a wider canvas.
     */
    static Path photoOf(Path dir, int index) throws IOException {
        byte[] pixels = SyntheticData.test().image(index);
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                int v = 255 - (pixels[(y / 10) * Images.COLS + x / 10] & 0xff);
                image.setRGB(x + 100, y + 10, v << 16 | v << 8 | v);
            }
        }
        Path file = dir.resolve("photo" + index + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void predictsTestImagesWithTheirTrueLabels() {
        Cli.Result r = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), "--data",
                Fixtures.data().toString(), "--test-index", "0,1", "2", "--top", "2");

        assertThat(r.code()).as(r.toString()).isZero();
        String truth0 = FashionClass.ofLabel(SyntheticData.test().label(0)).displayName();
        assertThat(r.out()).contains("test image 0: ").contains("(true: " + truth0).contains("test image 2: ");
        // Two ranked lines per image.
        assertThat(r.out().lines().filter(l -> l.matches("  [12]\\. \\d .*%"))).hasSize(6);
    }

    @Test
    void classifiesPictureFilesAsJson() throws IOException {
        Path photo = photoOf(dir, 3);

        Cli.Result r = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), "--json", "--top", "10",
                photo.getFileName().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        Map<String, Object> doc = Json.parseObject(r.out());
        List<Object> predictions = JsonFields.array(doc, "predictions");
        assertThat(predictions).hasSize(1);
        Map<String, Object> p = JsonFields.asObject(predictions.get(0), "prediction");
        assertThat(p.get("source")).isEqualTo("photo3.png");
        assertThat(p.get("true")).isNull();
        List<Object> top = JsonFields.array(p, "top");
        assertThat(top).hasSize(10);
        double sum = top.stream().mapToDouble(o -> JsonFields.number(JsonFields.asObject(o, "t"), "probability")).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        // The best of the ranked classes is the prediction. (The synthetic images are random blobs, not
        // garments: the photo pipeline keeps only their largest part, so their class is not asserted here;
        // fmnist-data's RealisticPhotosTest scores real garments.)
        assertThat(JsonFields.object(p, "predicted").get("label"))
                .isEqualTo(JsonFields.asObject(top.get(0), "t").get("label"));
        assertThat(JsonFields.array(p, "warnings")).isNotNull();
    }

    @Test
    void warnsAboutATinyPictureInTextAndJson() throws IOException {
        BufferedImage tiny = new BufferedImage(9, 9, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 9; x++) {
                tiny.setRGB(x, y, x >= 2 && x < 7 && y >= 2 && y < 7 ? 0 : 0xffffff);
            }
        }
        ImageIO.write(tiny, "png", dir.resolve("tiny.png").toFile());

        Cli.Result text = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), "tiny.png");
        Cli.Result json = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), "--json", "tiny.png");

        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.out()).contains("  warning: the object is smaller than 28 pixels and was enlarged");
        Map<String, Object> p = JsonFields.asObject(JsonFields.array(Json.parseObject(json.out()), "predictions").get(0), "p");
        Map<String, Object> warning = JsonFields.asObject(JsonFields.array(p, "warnings").get(0), "w");
        assertThat(warning.get("code")).isEqualTo("tiny_object");
        assertThat((String) warning.get("message")).startsWith("the object is smaller");
    }

    @Test
    void drawsPredictionsIntoAPng() throws IOException {
        Path png = dir.resolve("out/predictions.png");

        Cli.Result r = Cli.in(dir).run("predict", "--model", Fixtures.model().toString(), "--data",
                Fixtures.data().toString(), "--test-index", "0", "1", "2", "3", "--out", png.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        BufferedImage picture = ImageIO.read(png.toFile());
        assertThat(picture.getWidth()).isGreaterThan(200);
        assertThat(picture.getHeight()).isGreaterThan(100);
        assertThat(r.out()).contains("Wrote " + png);
    }
}
