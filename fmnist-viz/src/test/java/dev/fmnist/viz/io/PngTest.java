package dev.fmnist.viz.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.StorageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngTest {
    @TempDir
    Path dir;

    private static BufferedImage checkerboard() {
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0x123456 : 0xfedcba);
            }
        }
        return image;
    }

    @Test
    void encodesLosslessly() throws IOException {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(checkerboard())));
        assertThat(back.getWidth()).isEqualTo(7);
        assertThat(back.getRGB(0, 0) & 0xffffff).isEqualTo(0x123456);
        assertThat(back.getRGB(1, 0) & 0xffffff).isEqualTo(0xfedcba);
    }

    @Test
    void writesFilesAtomicallyCreatingDirectories() throws IOException {
        Path target = dir.resolve("a/b/picture.png");
        Png.write(checkerboard(), target);
        Png.write(checkerboard(), target);

        assertThat(ImageIO.read(target.toFile()).getHeight()).isEqualTo(5);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void failsWithStorageExceptionNamingThePath() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> Png.write(checkerboard(), blocker.resolve("p.png")))
                .isInstanceOf(StorageException.class).hasMessageContaining("p.png");
    }

    @Test
    void dataUriHoldsThePngBytes() {
        String uri = Png.dataUri(checkerboard());
        assertThat(uri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
