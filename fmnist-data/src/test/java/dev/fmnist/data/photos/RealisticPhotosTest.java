package dev.fmnist.data.photos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.RealData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's target, per condition: the same model classifies generated photos of the first test images at
 * least 95% as accurately as it classifies those images as the dataset has them. The model is trained once
 * per JVM and shared by every condition ({@link PhotoBench}); each condition scores
 * {@value PhotoBench#IMAGES} photos ({@value PhotoBench#LARGE_IMAGES} at 12 megapixels), where one photo is
 * 0.004 of the ratio. Skipped without the real files. Each test prints its row of the README's table.
 */
class RealisticPhotosTest {
    private static final double TARGET = 0.95;

    @TempDir
    Path dir;

    private void meetsTarget(PhotoCondition condition) {
        FashionMnist data = RealData.orSkip();
        PhotoBench.Score score = PhotoBench.score(data, condition, dir);
        System.out.println(score.row());
        assertThat(score.datasetAccuracy()).as("the model itself").isGreaterThan(0.75);
        assertThat(score.ratio()).as(condition + ": photo accuracy %.3f vs dataset %.3f", score.photoAccuracy(),
                score.datasetAccuracy()).isGreaterThanOrEqualTo(TARGET);
    }
    @Test
    void studioWhite() {
        meetsTarget(PhotoCondition.STUDIO_WHITE);
    }

    @Test
    void greyGradient() {
        meetsTarget(PhotoCondition.GREY_GRADIENT);
    }

    @Test
    void shadow() {
        meetsTarget(PhotoCondition.SHADOW);
    }

    @Test
    void exifOrientation() {
        meetsTarget(PhotoCondition.EXIF_ORIENTATION);
    }

    @Test
    void coloured() {
        meetsTarget(PhotoCondition.COLOURED);
    }

    @Test
    void offCentre() {
        meetsTarget(PhotoCondition.OFF_CENTRE);
    }

    @Test
    void rotated() {
        meetsTarget(PhotoCondition.ROTATED);
    }

    @Test
    void mirrored() {
        // Held to the dataset's own (unmirrored) images, not to mirrored ones: on those the model scores far
        // less (footwear facing right), which would make the target meaningless.
        meetsTarget(PhotoCondition.MIRRORED);
    }

    @Test
    void large() {
        meetsTarget(PhotoCondition.LARGE);
    }

    @Test
    void small() {
        meetsTarget(PhotoCondition.SMALL);
    }

    @Test
    void alpha() {
        meetsTarget(PhotoCondition.ALPHA);
    }

    @Test
    void lightOnDark() {
        meetsTarget(PhotoCondition.LIGHT_ON_DARK);
    }
}
