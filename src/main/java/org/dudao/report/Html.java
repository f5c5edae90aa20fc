package org.dudao.report;

/**
 * Escaping for text from the input placed in HTML. The project has no HTML library on its runtime
 * class path (commons-text is not a dependency, and jsoup would add half a megabyte for five
 * characters), so the rule is spelled out here and tested: every character that can end a text
 * node or an attribute value is replaced, in element content and in quoted attributes alike.
 */
public final class Html {
    private Html() {}

    /**
     * Text for element content or a double- or single-quoted attribute value; null becomes empty.
     * Control and bidi-override characters are written out visibly ({@link Shown#clean}), so input
     * cannot reorder what the page shows.
     */
    public static String esc(Object value) {
        if (value == null) return "";
        String s = Shown.clean(value.toString());
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            b.append(r);
        }
        return b == null ? s : b.toString();
    }

    /**
     * JSON text made safe inside a {@code <script type="application/json">} element: {@code <}, {@code >}
     * and {@code &} only occur inside JSON strings, where their \\u escapes mean the same, so no
     * {@code </script>} or {@code <!--} can appear; U+2028/2029 are escaped for old script parsers.
     */
    public static String scriptJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
