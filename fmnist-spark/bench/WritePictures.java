import dev.fmnist.api.data.Dataset;
import dev.fmnist.data.FashionMnist;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes the first N test images as PNG files (dark garment on white) in ten sub-directories. */
public class WritePictures {
    public static void main(String[] args) throws Exception {
        Dataset test = FashionMnist.load(Path.of(args[0])).test();
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            byte[] pixels = test.image(i);
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < pixels.length; p++) {
                image.getRaster().setSample(p % 28, p / 28, 0, 255 - (pixels[p] & 0xff));
            }
            Path dir = out.resolve("part-" + i % 10);
            Files.createDirectories(dir);
            ImageIO.write(image, "png", dir.resolve(String.format("test-%05d.png", i)).toFile());
        }
    }
}
