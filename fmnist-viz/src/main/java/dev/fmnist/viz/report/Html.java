package dev.fmnist.viz.report;

import dev.fmnist.api.text.SafeText;

/** Minimal HTML building: escaping and table rows. */
final class Html {
    private Html() {
    }

    /**
     * Escapes text for element content and double-quoted attributes; control characters (a newline or an
     * ANSI escape in a model's provenance, say) are shown as escapes.
     */
    static String escape(String text) {
        text = SafeText.escape(text);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A table row of header-then-value cells, escaped; the value is bounded (it may come from a file). */
    static String keyValue(String key, String value) {
        return "<tr><th>" + escape(SafeText.of(key)) + "</th><td>" + escape(SafeText.of(value)) + "</td></tr>\n";
    }

    /** A table row of data cells, escaped; numeric-looking cells are right-aligned by the stylesheet. */
    static String row(String... cells) {
        StringBuilder sb = new StringBuilder("<tr>");
        for (String c : cells) {
            sb.append("<td>").append(escape(c)).append("</td>");
        }
        return sb.append("</tr>\n").toString();
    }

    /** A header row, escaped. */
    static String headerRow(String... cells) {
        StringBuilder sb = new StringBuilder("<tr>");
        for (String c : cells) {
            sb.append("<th>").append(escape(c)).append("</th>");
        }
        return sb.append("</tr>\n").toString();
    }
}
