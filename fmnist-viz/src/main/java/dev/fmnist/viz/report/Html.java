package dev.fmnist.viz.report;

/** Minimal HTML building: escaping and table rows. */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and double-quoted attributes. */
    static String escape(String text) {
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

    /** A table row of header-then-value cells, escaped. */
    static String keyValue(String key, String value) {
        return "<tr><th>" + escape(key) + "</th><td>" + escape(value) + "</td></tr>\n";
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
