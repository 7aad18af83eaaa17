package dev.fmnist.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidDataException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Damaged or special files are refused with one line, never classified and never waited on. */
class DamagedPicturesTest {
    @TempDir
    Path dir;

    private final ImagePreprocessor pre = ImagePreprocessor.defaults();

    /** A noisy 300x200 photo as JPEG, baseline or progressive. */
    private Path jpeg(boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int v = x > 100 && x < 200 ? 40 + random.nextInt(40) : 200 + random.nextInt(55);
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path file = dir.resolve(progressive ? "progressive.jpg" : "baseline.jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    private Path cut(Path file, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut-" + file.getFileName());
        Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return cut;
    }

    @Test
    void wholeJpegsAreRead() throws IOException {
        assertThat(pre.prepare(jpeg(false)).pixels()).hasSize(784);
        assertThat(pre.prepare(jpeg(true)).pixels()).hasSize(784);
    }

    @Test
    void aTruncatedBaselineJpegIsRefused() throws IOException {
        Path file = cut(jpeg(false), 0.6);

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("truncated")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedProgressiveJpegIsRefused() throws IOException {
        Path file = cut(jpeg(true), 0.6);

        assertThatThrownBy(() -> pre.prepare(file)).isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("truncated");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedInsteadOfWaitedOn() throws Exception {
        Path fifo = dir.resolve("pipe.png");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> pre.prepare(fifo)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not a regular file");
    }
}
