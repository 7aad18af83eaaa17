package dev.fmnist.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.cli.testing.Cli;
import dev.fmnist.cli.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsATestImageWithItsLabel() {
        Cli.Result r = Cli.in(dir).run("show", "--test-index", "4", "--data", Fixtures.data().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        FashionClass label = FashionClass.ofLabel(SyntheticData.test().label(4));
        List<String> lines = r.out().lines().toList();
        // 14 text rows of 28 columns (two pixel rows per character row), then the caption.
        assertThat(lines).hasSize(15);
        assertThat(lines.subList(0, 14)).allMatch(l -> l.length() == 28);
        assertThat(lines.get(14)).isEqualTo("Test image 4: " + label.displayName() + " (label " + label.label() + ")");
        assertThat(String.join("", lines.subList(0, 14))).matches("[ .:\\-=+*#%@]+").containsPattern("[+*#%@]");
    }

    @Test
    void halfBlocksInGreyWhenColoursAreAsked() {
        Cli.Result r = Cli.in(dir).run("show", "--data", Fixtures.data().toString(), "--colors", "truecolor");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\u2580").contains("\u001b[38;2;").contains("Training image 0: ");
    }

    @Test
    void showsAPictureAsTheModelSeesItAndWritesAPng() throws IOException {
        Path photo = PredictCommandTest.photoOf(dir, 1);
        Path png = dir.resolve("seen.png");

        Cli.Result r = Cli.in(dir).run("show", photo.toString(), "--out", "seen.png");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(photo + " as the model sees it (28x28): 400x300, inverted");
        BufferedImage picture = ImageIO.read(png.toFile());
        // The 400x300 original (scaled to 280 high) with its crop box, beside the 28x28 input.
        assertThat(picture.getWidth()).isGreaterThanOrEqualTo(373 + 280);
        boolean red = false;
        for (int x = 0; x < 400 && !red; x++) {
            for (int y = 0; y < picture.getHeight() && !red; y++) {
                java.awt.Color c = new java.awt.Color(picture.getRGB(x, y));
                red = c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80;
            }
        }
        assertThat(red).as("the crop box is drawn in red").isTrue();
    }

    @Test
    void jsonHasThePixelsAndTheLabel() {
        // Issue 16, item 18: show rejected --json.
        Cli.Result r = Cli.in(dir).run("show", "--test-index", "3", "--data", Fixtures.data().toString(), "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        var doc = dev.fmnist.api.internal.json.Json.parseObject(r.out());
        assertThat(doc.get("set")).isEqualTo("test");
        assertThat(doc.get("index")).isEqualTo(3L);
        assertThat(java.util.Base64.getDecoder().decode((String) doc.get("pixels_base64"))).hasSize(784);
        assertThat(dev.fmnist.api.internal.json.JsonFields.object(doc, "label")).containsKey("name");
    }

    @Test
    void aPictureNamedOtherThanPngIsRefusedBeforeAnythingIsWritten() {
        // Issue 16, item 18: show --out x.jpg wrote PNG bytes under a .jpg name.
        Cli.Result r = Cli.in(dir).run("show", "--data", Fixtures.data().toString(), "--out", "x.jpg");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("fmnist: --out x.jpg: pictures are written as PNG only; name the file *.png"
                + System.lineSeparator());
        assertThat(dir.resolve("x.jpg")).doesNotExist();
    }
}
