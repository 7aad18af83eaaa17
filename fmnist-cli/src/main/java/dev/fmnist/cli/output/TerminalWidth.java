package dev.fmnist.cli.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How many columns the terminal has: {@code $COLUMNS}, else what {@code stty size} says, else 80. */
public final class TerminalWidth {
    /** The width assumed when the terminal does not say. */
    public static final int DEFAULT = 80;
    private static final int MIN = 20;

    private TerminalWidth() {
    }

    /** The terminal's width in columns, from {@code env}'s {@code COLUMNS} or the terminal itself. */
    public static int detect(Map<String, String> env) {
        Integer fromEnv = parse(env.get("COLUMNS"));
        if (fromEnv != null) {
            return fromEnv;
        }
        Integer fromStty = stty();
        return fromStty != null ? fromStty : DEFAULT;
    }

    /** A column count as the environment gives it; null when absent or not a plausible width. */
    static Integer parse(String columns) {
        if (columns == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(columns.trim());
            return n >= MIN && n <= 10_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code stty size} on the controlling terminal ({@code rows columns}); null when it cannot tell. */
    private static Integer stty() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
                    .split("\\s+");
            return p.exitValue() == 0 && parts.length == 2 ? parse(parts[1]) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
