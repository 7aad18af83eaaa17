package dev.fmnist.api.text;

/**
 * Makes a string read from a file safe to print: a newline in a model's provenance must not forge an output
 * line, an ANSI escape must not reach the terminal, and a megabyte-long name must not flood it. Control
 * characters (C0, DEL, C1), the line and paragraph separators U+2028/U+2029 and the bidirectional overrides
 * are written as escapes ({@code \n}, {@code \r}, {@code \t}, {@code \e}, else {@code \}{@code uXXXX}); a
 * string longer than the limit is cut at a code point and ends with how much was left out. JSON output needs
 * none of this: its writer escapes.
 */
public final class SafeText {
    /** The length printed of a string read from a file unless a site says otherwise, in code points. */
    public static final int DEFAULT_LIMIT = 200;

    private SafeText() {
    }

    /** {@code text} escaped and bounded to {@link #DEFAULT_LIMIT} code points; {@code null} prints as null. */
    public static String of(String text) {
        return of(text, DEFAULT_LIMIT);
    }

    /** {@code text} escaped and bounded to {@code limit} code points (of the original text). */
    public static String of(String text, int limit) {
        if (text == null) {
            return "null";
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        int total = text.codePointCount(0, text.length());
        int end = total <= limit ? text.length() : text.offsetByCodePoints(0, limit);
        StringBuilder sb = new StringBuilder(Math.min(text.length(), end + 32));
        escape(text, end, sb);
        if (end < text.length()) {
            int more = total - limit;
            sb.append("...(").append(more).append(more == 1 ? " more character)" : " more characters)");
        }
        return sb.toString();
    }

    /** {@code text} with control characters escaped, not bounded (for text already bounded by its site). */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        escape(text, text.length(), sb);
        return sb.toString();
    }

    /** Whether {@code c} is escaped: it moves the cursor, changes the terminal or reorders the line. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static void escape(String text, int end, StringBuilder sb) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u001b' -> sb.append("\\e");
                default -> sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
    }
}
