package dev.fmnist.viz.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.viz.testing.Pictures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalImageTest {
    private static final String ESC = "\u001b[";
    /** Row 0 white, row 1 black, then a grey (128) left half over black. */
    private static final byte[] KNOWN = Pictures.image((r, c) -> r == 0 ? 255 : r == 1 ? 0 : c < 14 ? 128 : 0);

    @Test
    void trueColourHalfBlocksCarryTheUpperPixelInFrontAndTheLowerBehind() {
        String text = TerminalImage.of(TerminalImage.Mode.TRUE_COLOR).render(KNOWN);
        String[] lines = text.split("\n", -1);

        assertThat(lines).hasSize(15);
        assertThat(lines[14]).isEmpty();
        String white = ESC + "38;2;255;255;255m" + ESC + "48;2;0;0;0m" + TerminalImage.HALF_BLOCK;
        assertThat(lines[0]).isEqualTo(white.repeat(28) + ESC + "0m");
        String grey = ESC + "38;2;128;128;128m" + ESC + "48;2;128;128;128m" + TerminalImage.HALF_BLOCK;
        String black = ESC + "38;2;0;0;0m" + ESC + "48;2;0;0;0m" + TerminalImage.HALF_BLOCK;
        assertThat(lines[1]).isEqualTo(grey.repeat(14) + black.repeat(14) + ESC + "0m");
        assertThat(text.chars().filter(ch -> ch == TerminalImage.HALF_BLOCK).count()).isEqualTo(28 * 14);
    }

    @Test
    void palette256UsesTheCubeForBlackAndWhiteAndTheGreyRampBetween() {
        assertThat(TerminalImage.xterm256(0x000000)).isEqualTo(16);
        assertThat(TerminalImage.xterm256(0xffffff)).isEqualTo(231);
        assertThat(TerminalImage.xterm256(0x808080)).isEqualTo(244);
        assertThat(TerminalImage.xterm256(0xff0000)).isEqualTo(196);
        String line = TerminalImage.of(TerminalImage.Mode.ANSI_256).render(KNOWN).split("\n")[1];
        assertThat(line).startsWith(ESC + "38;5;244m" + ESC + "48;5;244m" + TerminalImage.HALF_BLOCK);
        assertThat(line).endsWith(ESC + "38;5;16m" + ESC + "48;5;16m" + TerminalImage.HALF_BLOCK + ESC + "0m");
    }

    @Test
    void asciiUsesTheRampOverTwoRowsAndNoEscapes() {
        String text = TerminalImage.of(TerminalImage.Mode.ASCII).render(KNOWN);
        String[] lines = text.split("\n");

        assertThat(text).doesNotContain("\u001b");
        assertThat(lines).hasSize(14);
        // Row 0 (255) with row 1 (0) averages to the middle of the ramp; grey 128 over itself likewise.
        assertThat(lines[0]).isEqualTo(String.valueOf(TerminalImage.ASCII_RAMP.charAt(4)).repeat(28));
        assertThat(lines[1]).isEqualTo(String.valueOf(TerminalImage.ASCII_RAMP.charAt(5)).repeat(14) + " ".repeat(14));
        assertThat(TerminalImage.of(TerminalImage.Mode.ASCII).render(Pictures.image((r, c) -> 255)))
                .isEqualTo(("@".repeat(28) + "\n").repeat(14));
    }

    @Test
    void severalImagesWrapToTheWidthWithCaptions() {
        byte[] img = Pictures.image((r, c) -> 255);
        String text = TerminalImage.of(TerminalImage.Mode.ASCII)
                .render(List.of(img, img, img), List.of("Sneaker", "Bag", "a very long caption that is cut off"), 60);
        String[] lines = text.split("\n");

        assertThat(lines).hasSize(30);
        assertThat(lines[0]).isEqualTo("@".repeat(28) + "  " + "@".repeat(28));
        assertThat(lines[14]).isEqualTo("Sneaker" + " ".repeat(23) + "Bag");
        assertThat(lines[15]).isEqualTo("@".repeat(28));
        assertThat(lines[29]).isEqualTo("a very long caption that is ");
        assertThatThrownBy(() -> TerminalImage.of(TerminalImage.Mode.ASCII).render(List.of(img), List.of("a", "b"), 80))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void modeIsDetectedFromTheEnvironment() {
        assertThat(TerminalImage.Mode.detect(Map.of("COLORTERM", "truecolor", "TERM", "xterm-256color")))
                .isEqualTo(TerminalImage.Mode.TRUE_COLOR);
        assertThat(TerminalImage.Mode.detect(Map.of("COLORTERM", "24bit"))).isEqualTo(TerminalImage.Mode.TRUE_COLOR);
        assertThat(TerminalImage.Mode.detect(Map.of("TERM", "xterm-256color"))).isEqualTo(TerminalImage.Mode.ANSI_256);
        assertThat(TerminalImage.Mode.detect(Map.of("TERM", "dumb"))).isEqualTo(TerminalImage.Mode.ASCII);
        assertThat(TerminalImage.Mode.detect(Map.of())).isEqualTo(TerminalImage.Mode.ASCII);
        assertThat(TerminalImage.Mode.detect(Map.of("NO_COLOR", "1", "COLORTERM", "truecolor")))
                .isEqualTo(TerminalImage.Mode.ASCII);
    }
}
