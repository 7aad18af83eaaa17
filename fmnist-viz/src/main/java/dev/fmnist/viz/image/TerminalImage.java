package dev.fmnist.viz.image;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Images as text for a terminal. In the colour modes each character is the upper half block
 * {@code "▀"} (U+2580): its foreground colour is one pixel and its background colour the pixel below, so a
 * 28x28 image takes 28 columns by 14 lines with square pixels. {@link Mode#ASCII} uses a ramp of ten
 * characters ({@code " .:-=+*#%@"}, ink denser) over the mean of two rows, for logs and dumb terminals.
 * Every coloured line ends with a reset ({@code ESC[0m}).
 *
 * <pre>{@code
 * TerminalImage term = TerminalImage.of(TerminalImage.Mode.detect(System.getenv()));
 * System.out.print(term.render(test.image(0)));
 * }</pre>
 */
public final class TerminalImage {
    /** The upper half block character. */
    public static final char HALF_BLOCK = '\u2580';
    /** The ASCII ramp, background first. */
    public static final String ASCII_RAMP = " .:-=+*#%@";
    private static final String ESC = "\u001b[";
    private static final String RESET = ESC + "0m";
    private static final int GAP = 2;

    /** How colours reach the terminal. */
    public enum Mode {
        /** 24-bit colour: {@code ESC[38;2;r;g;bm} and {@code ESC[48;2;r;g;bm}. */
        TRUE_COLOR,
        /** The xterm 256-colour palette: {@code ESC[38;5;nm}, greys from its 24-step ramp. */
        ANSI_256,
        /** No escape codes at all. */
        ASCII;

        /**
         * Guesses the mode from environment variables: {@code NO_COLOR} set gives ASCII; {@code COLORTERM}
         * {@code truecolor} or {@code 24bit} gives true colour; a {@code TERM} mentioning {@code 256} gives
         * 256 colours; anything else ASCII. Whether output goes to a terminal at all is the caller's call.
         */
        public static Mode detect(Map<String, String> env) {
            if (env.containsKey("NO_COLOR")) {
                return ASCII;
            }
            String colorTerm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
            if (colorTerm.equals("truecolor") || colorTerm.equals("24bit")) {
                return TRUE_COLOR;
            }
            return env.getOrDefault("TERM", "").contains("256") ? ANSI_256 : ASCII;
        }
    }

    private final Mode mode;
    private final ColorMap colorMap;

    private TerminalImage(Mode mode, ColorMap colorMap) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.colorMap = Objects.requireNonNull(colorMap, "colorMap");
    }

    /** Renders in the given mode with the {@link ColorMap#GREY} map (white ink on black, as stored). */
    public static TerminalImage of(Mode mode) {
        return new TerminalImage(mode, ColorMap.GREY);
    }

    /** The same renderer with another colour map (ignored in ASCII mode). */
    public TerminalImage withColorMap(ColorMap value) {
        return new TerminalImage(mode, value);
    }

    /** The mode in use. */
    public Mode mode() {
        return mode;
    }

    /** One image: 14 lines of 28 characters, each ending in a newline. */
    public String render(byte[] pixels) {
        return render(List.of(pixels), List.of(), Images.COLS);
    }

    /**
     * Several images side by side, wrapped into rows that fit {@code maxColumns} characters, each with an
     * optional caption line under it (cut to the image's width).
     *
     * @param captions one per image, or an empty list for none
     */
    public String render(List<byte[]> images, List<String> captions, int maxColumns) {
        if (!captions.isEmpty() && captions.size() != images.size()) {
            throw new InvalidInputException(images.size() + " images but " + captions.size() + " captions");
        }
        images.forEach(Pixels::check);
        int perRow = Math.max(1, (maxColumns + GAP) / (Images.COLS + GAP));
        StringBuilder sb = new StringBuilder();
        for (int start = 0; start < images.size(); start += perRow) {
            int end = Math.min(images.size(), start + perRow);
            for (int line = 0; line < Images.ROWS / 2; line++) {
                for (int i = start; i < end; i++) {
                    if (i > start) {
                        sb.append(" ".repeat(GAP));
                    }
                    appendLine(sb, images.get(i), line);
                }
                sb.append('\n');
            }
            if (!captions.isEmpty()) {
                for (int i = start; i < end; i++) {
                    String c = captions.get(i);
                    c = c.length() > Images.COLS ? c.substring(0, Images.COLS) : c;
                    sb.append(i == end - 1 ? c : c + " ".repeat(Images.COLS - c.length() + GAP));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private void appendLine(StringBuilder sb, byte[] pixels, int line) {
        int top = 2 * line * Images.COLS;
        int bottom = top + Images.COLS;
        for (int c = 0; c < Images.COLS; c++) {
            int upper = pixels[top + c] & 0xff;
            int lower = pixels[bottom + c] & 0xff;
            switch (mode) {
                case TRUE_COLOR -> {
                    int fg = colorMap.rgb(upper);
                    int bg = colorMap.rgb(lower);
                    sb.append(ESC).append("38;2;").append(fg >> 16 & 0xff).append(';').append(fg >> 8 & 0xff)
                            .append(';').append(fg & 0xff).append('m');
                    sb.append(ESC).append("48;2;").append(bg >> 16 & 0xff).append(';').append(bg >> 8 & 0xff)
                            .append(';').append(bg & 0xff).append('m');
                    sb.append(HALF_BLOCK);
                }
                case ANSI_256 -> sb.append(ESC).append("38;5;").append(xterm256(colorMap.rgb(upper))).append('m')
                        .append(ESC).append("48;5;").append(xterm256(colorMap.rgb(lower))).append('m')
                        .append(HALF_BLOCK);
                case ASCII -> sb.append(ASCII_RAMP.charAt((upper + lower) * ASCII_RAMP.length() / 512));
            }
        }
        if (mode != Mode.ASCII) {
            sb.append(RESET);
        }
    }

    /**
     * The xterm palette index closest to a 0xRRGGBB colour: the 6x6x6 cube (16..231) or the grey ramp
     * (232..255, levels 8, 18, ..., 238), whichever is nearer.
     */
    public static int xterm256(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        int cr = cubeStep(r);
        int cg = cubeStep(g);
        int cb = cubeStep(b);
        int cubeIndex = 16 + 36 * cr + 6 * cg + cb;
        int cubeDistance = sq(r - cubeLevel(cr)) + sq(g - cubeLevel(cg)) + sq(b - cubeLevel(cb));
        int mean = (r + g + b) / 3;
        int step = Math.max(0, Math.min(23, Math.round((mean - 8) / 10f)));
        int grey = 8 + 10 * step;
        int greyDistance = sq(r - grey) + sq(g - grey) + sq(b - grey);
        return greyDistance < cubeDistance ? 232 + step : cubeIndex;
    }

    private static int cubeStep(int v) {
        return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40;
    }

    private static int cubeLevel(int step) {
        return step == 0 ? 0 : 55 + 40 * step;
    }

    private static int sq(int v) {
        return v * v;
    }
}
