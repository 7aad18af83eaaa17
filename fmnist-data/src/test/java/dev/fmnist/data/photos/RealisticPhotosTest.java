package dev.fmnist.data.photos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.testing.RealData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's target, per condition: the same model classifies generated photos of the first test images at
 * least 95% as accurately as it classifies those images as the dataset has them. Seven conditions meet it;
 * five do not yet and are held at their measured level. Skipped without the real files. Each test prints
 * its row of the README's table.
 */
class RealisticPhotosTest {
    private static final double TARGET = 0.95;

    @TempDir
    Path dir;

    private void meetsTarget(PhotoCondition condition) {
        scoresAtLeast(condition, TARGET);
    }

    /**
     * For the conditions that fall short of the target (see the README's table): at least the measured
     * ratio, less 0.015, so they cannot get worse unnoticed.
     */
    private void scoresAtLeast(PhotoCondition condition, double floor) {
        FashionMnist data = RealData.orSkip();
        PhotoBench.Score score = PhotoBench.score(data, condition, dir);
        System.out.println(score.row());
        assertThat(score.datasetAccuracy()).as("the model itself").isGreaterThan(0.75);
        assertThat(score.ratio()).as(condition + ": photo accuracy %.3f vs dataset %.3f", score.photoAccuracy(),
                score.datasetAccuracy()).isGreaterThanOrEqualTo(floor);
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
    void rotatedShortOfTheTarget() {
        // Measured 0.942 of the dataset accuracy: below the 0.95 target (issue 18 stays open for it).
        scoresAtLeast(PhotoCondition.ROTATED, 0.927);
    }

    @Test
    void mirroredShortOfTheTarget() {
        // Measured 0.934 of the dataset accuracy: below the 0.95 target (issue 18 stays open for it).
        scoresAtLeast(PhotoCondition.MIRRORED, 0.919);
    }

    @Test
    void large() {
        meetsTarget(PhotoCondition.LARGE);
    }

    @Test
    void smallShortOfTheTarget() {
        // Measured 0.857 of the dataset accuracy: below the 0.95 target (issue 18 stays open for it).
        scoresAtLeast(PhotoCondition.SMALL, 0.842);
    }

    @Test
    void alphaShortOfTheTarget() {
        // Measured 0.891 of the dataset accuracy: below the 0.95 target (issue 18 stays open for it).
        scoresAtLeast(PhotoCondition.ALPHA, 0.876);
    }

    @Test
    void lightOnDarkShortOfTheTarget() {
        // Measured 0.942 of the dataset accuracy: below the 0.95 target (issue 18 stays open for it).
        scoresAtLeast(PhotoCondition.LIGHT_ON_DARK, 0.927);
    }
}
