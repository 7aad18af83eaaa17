package dev.fmnist.data;

import dev.fmnist.data.files.DataFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.data.Fingerprinted;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.data.download.Checksums;
import dev.fmnist.data.testing.IdxFixtures;
import dev.fmnist.data.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @Test
    void loadsWhatWasWritten(@TempDir Path dir) {
        var train = SyntheticData.blobs("t", 30, 1);
        IdxFixtures.writeDataset(dir, train, SyntheticData.blobs("s", 10, 2));
        FashionMnist data = FashionMnist.load(dir);
        assertThat(data.train().size()).isEqualTo(30);
        for (int i = 0; i < 30; i++) {
            assertThat(data.train().label(i)).isEqualTo(train.label(i));
            assertThat(data.train().image(i)).containsExactly(train.image(i));
        }
        assertThat(((Fingerprinted) data.train()).sha256()).hasSize(64).isNotEqualTo(
                ((Fingerprinted) data.test()).sha256());
    }

    @Test
    void rejectsImagesAndLabelsOfDifferentCounts(@TempDir Path dir) throws IOException {
        IdxFixtures.writeDataset(dir, SyntheticData.blobs("t", 30, 1), SyntheticData.blobs("s", 10, 2));
        Files.write(dir.resolve(DataFile.TRAIN_LABELS.fileName()),
                IdxFixtures.gzip(IdxFixtures.labels(0x801, 29, new byte[29])));
        assertThatThrownBy(() -> FashionMnist.load(dir)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("30 images but").hasMessageContaining("29 labels");
    }

    @Test
    void realDataHasTheDocumentedShapeAndBalance() {
        FashionMnist data = RealData.orSkip();
        assertThat(data.train().size()).isEqualTo(FashionMnist.TRAIN_SIZE);
        assertThat(data.test().size()).isEqualTo(FashionMnist.TEST_SIZE);
        int[] counts = new int[10];
        for (int i = 0; i < data.train().size(); i++) {
            counts[data.train().label(i)]++;
        }
        assertThat(counts).containsOnly(6000);
        // The first training image is an ankle boot (label 9), as in the tutorial's plt.imshow(train_images[0]).
        assertThat(data.train().label(0)).isEqualTo(9);
        assertThat(data.test().label(0)).isEqualTo(9);
    }

    @Test
    void realDataMatchesThePublishedChecksums() {
        FashionMnist data = RealData.orSkip();
        assertThat(Checksums.verify(data.directory()))
                .allSatisfy(c -> assertThat(c.status().genuine()).as(c.toString()).isTrue());
    }

    @Test
    void loadsAllSeventyThousandImagesQuickly() {
        RealData.orSkip();
        long start = System.nanoTime();
        FashionMnist data = FashionMnist.locate();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Reported, not asserted: timing targets belong in benchmarks.
        System.out.println("Loaded " + data.describe() + " in " + millis + " ms");
        assertThat(data.train().size() + data.test().size()).isEqualTo(70_000);
    }
}
