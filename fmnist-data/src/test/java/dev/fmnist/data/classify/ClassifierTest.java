package dev.fmnist.data.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.data.image.ImagePreprocessor;
import dev.fmnist.data.image.PreparedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {
    /** Records each call's batch size; class k gets 0.91 when the first pixel is k/10 of full scale. */
    static final class FirstPixelPredictor implements Predictor {
        final List<Integer> calls = new CopyOnWriteArrayList<>();
        final List<float[]> inputs = new CopyOnWriteArrayList<>();

        @Override
        public void predict(float[] images, int count, float[] probabilities) {
            Predictor.checkShapes(images, count, probabilities);
            calls.add(count);
            inputs.add(images.clone());
            for (int i = 0; i < count; i++) {
                int k = Math.min(9, (int) (images[i * Images.PIXELS] * 10 + 0.5f));
                for (int c = 0; c < 10; c++) {
                    probabilities[i * 10 + c] = c == k ? 0.91f : 0.01f;
                }
            }
        }
    }

    @TempDir
    Path dir;

    private final FirstPixelPredictor predictor = new FirstPixelPredictor();
    private final Classifier classifier = Classifier.of(predictor);

    static byte[] pixelsOfClass(int label) {
        byte[] pixels = new byte[Images.PIXELS];
        pixels[0] = (byte) Math.round(label * 25.5f);
        pixels[400] = (byte) 200;
        return pixels;
    }

    @Test
    void pixelPicturesAreScaledBatchedInOneCallAndKeptInOrder() {
        List<Picture> pictures = new ArrayList<>();
        for (int label : new int[] {7, 2, 9}) {
            pictures.add(Picture.pixels(pixelsOfClass(label), "p" + label));
        }
        List<Classification> results = classifier.classifyAll(pictures, 3);

        assertThat(predictor.calls).containsExactly(3);
        assertThat(results).extracting(Classification::best)
                .containsExactly(FashionClass.SNEAKER, FashionClass.PULLOVER, FashionClass.ANKLE_BOOT);
        assertThat(results).extracting(Classification::source).containsExactly("p7", "p2", "p9");
        assertThat(results.get(0).top()).hasSize(3);
        assertThat(results.get(0).top().get(0).probability()).isEqualTo(0.91f);
        assertThat(results.get(0).preparation()).isEmpty();
        // Scaled to [0, 1]: 200/255 at pixel 400 of the second image.
        assertThat(predictor.inputs.get(0)[Images.PIXELS + 400]).isEqualTo(200 / 255f);
    }

    @Test
    void pixelValuesFromJsonAreChecked() {
        double[] values = new double[Images.PIXELS];
        values[0] = 229.6;
        assertThat(classifier.classify(Picture.pixels(values, "json"), 1).best()).isEqualTo(FashionClass.ANKLE_BOOT);
        assertThatThrownBy(() -> Picture.pixels(new double[783], "json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected 784 pixels").hasMessageContaining("783");
        values[5] = 256;
        assertThatThrownBy(() -> Picture.pixels(values, "json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pixel 5");
        values[5] = Double.NaN;
        assertThatThrownBy(() -> Picture.pixels(values, "json")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Picture.pixels(new byte[10], "raw")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void topIsChecked() {
        Picture p = Picture.pixels(pixelsOfClass(1), "p");
        assertThatThrownBy(() -> classifier.classify(p, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> classifier.classify(p, 11)).isInstanceOf(InvalidInputException.class);
        assertThat(classifier.classify(p, 10).top()).hasSize(10);
        assertThat(predictor.calls).containsExactly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void encodedPicturesGoThroughTheSamePreprocessingAsFiles(String format) throws Exception {
        byte[] bytes = TestPictures.encode(TestPictures.shirtLike(120, 160), format);
        Path file = Files.write(dir.resolve("shirt." + format), bytes);

        Classification fromBytes = classifier.classify(bytes, "upload", 3);
        Classification fromFile = classifier.classify(file, 3);
        PreparedImage expected = ImagePreprocessor.defaults().prepare(file);

        assertThat(fromBytes.pixels()).isEqualTo(expected.pixels());
        assertThat(fromFile.pixels()).isEqualTo(expected.pixels());
        PreparedImage prepared = fromBytes.preparation().orElseThrow();
        assertThat(prepared.inverted()).isTrue();
        assertThat(prepared.sourceWidth()).isEqualTo(120);
        assertThat(prepared.cropWidth()).isBetween(58, 62);
        assertThat(prepared.source()).isEqualTo("upload");
        assertThat(fromFile.preparation().orElseThrow().source()).isEqualTo(file.toString());
    }

    @Test
    void decodedPicturesToo() {
        var image = TestPictures.shirtLike(60, 60);
        assertThat(classifier.classify(image, "img", 2).pixels())
                .isEqualTo(ImagePreprocessor.defaults().prepare(image, "x").pixels());
    }

    @Test
    void warningsComeWithTheResult() {
        byte[] thumbnail = TestPictures.encode(TestPictures.shirtLike(14, 16), "png");
        Classification small = classifier.classify(thumbnail, "thumb.png", 3);
        assertThat(small.warnings()).contains(dev.fmnist.data.image.ImageWarning.TINY_OBJECT)
                .isEqualTo(small.preparation().orElseThrow().warnings());
        byte[] blank = TestPictures.encode(new java.awt.image.BufferedImage(60, 60,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png");
        assertThat(classifier.classify(blank, "blank.png", 3).warnings())
                .contains(dev.fmnist.data.image.ImageWarning.NO_OBJECT);
        assertThat(classifier.classify(TestPictures.encode(TestPictures.shirtLike(90, 120), "png"), "ok.png", 3)
                .warnings()).isEmpty();
    }

    @Test
    void badPicturesFailBeforeTheModelRuns() {
        byte[] png = TestPictures.encode(TestPictures.shirtLike(64, 64), "png");
        byte[] jpeg = TestPictures.encode(TestPictures.shirtLike(64, 64), "jpeg");
        List<Picture> batch = List.of(Picture.encoded(png, "good"), Picture.encoded(TestPictures.truncated(png, 0.6), "cut.png"));
        assertThatThrownBy(() -> classifier.classifyAll(batch, 3))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("cut.png");
        assertThatThrownBy(() -> classifier.classify(TestPictures.truncated(jpeg, 0.6), "cut.jpg", 3))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("cut.jpg");
        assertThatThrownBy(() -> classifier.classify("hello".getBytes(), "text", 3))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("text is not a picture");
        assertThatThrownBy(() -> classifier.classify(new byte[0], "empty", 3))
                .isInstanceOf(InvalidDataException.class);
        assertThat(predictor.calls).isEmpty();
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestPictures.pngClaiming(100_000, 100_000);
        assertThatThrownBy(() -> classifier.classify(bomb, "bomb.png", 3))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("too large (100000x100000");
        Classifier strict = classifier.withPreparer(PicturePreparer.defaults().withDecoder(PictureDecoder.withMaxPixels(1000)));
        byte[] png = TestPictures.encode(TestPictures.shirtLike(40, 40), "png");
        assertThatThrownBy(() -> strict.classify(png, "big.png", 3)).hasMessageContaining("40x40");
        assertThat(classifier.classify(png, "ok.png", 3).top()).hasSize(3);
    }

    @Test
    void recognisesPictures() {
        assertThat(PictureDecoder.isPicture(TestPictures.encode(TestPictures.shirtLike(8, 8), "gif"))).isTrue();
        assertThat(PictureDecoder.isPicture("{\"pixels\": []}".getBytes())).isFalse();
    }

    @Test
    void manyThreadsShareOneClassifier() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<FashionClass>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int label = i % 10;
                futures.add(pool.submit(() -> classifier.classify(Picture.pixels(pixelsOfClass(label), "t"), 1).best()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(FashionClass.ofLabel(i % 10));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
