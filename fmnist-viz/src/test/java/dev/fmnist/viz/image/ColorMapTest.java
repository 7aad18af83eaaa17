package dev.fmnist.viz.image;

import static dev.fmnist.viz.testing.Pictures.luminance;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void greyRunsFromBlackBackgroundToWhiteInk() {
        assertThat(ColorMap.GREY.rgb(0)).isEqualTo(0x000000);
        assertThat(ColorMap.GREY.rgb(255)).isEqualTo(0xffffff);
        assertThat(ColorMap.GREY.rgb(128)).isEqualTo(0x808080);
    }

    @Test
    void binaryIsTheInverse() {
        for (int v = 0; v < 256; v++) {
            assertThat(ColorMap.BINARY.rgb(v)).isEqualTo(ColorMap.GREY.rgb(255 - v));
        }
    }

    @Test
    void viridisRunsFromPurpleToYellowGettingBrighter() {
        assertThat(ColorMap.VIRIDIS.rgb(0)).isEqualTo(0x440154);
        assertThat(ColorMap.VIRIDIS.rgb(255)).isEqualTo(0xfde725);
        for (int v = 16; v < 256; v += 16) {
            assertThat(luminance(ColorMap.VIRIDIS.rgb(v))).isGreaterThan(luminance(ColorMap.VIRIDIS.rgb(v - 16)));
        }
    }

    @Test
    void onlyTheLowByteCounts() {
        assertThat(ColorMap.GREY.rgb((byte) 200)).isEqualTo(ColorMap.GREY.rgb(200));
    }
}
