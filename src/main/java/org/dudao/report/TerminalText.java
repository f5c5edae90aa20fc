package org.dudao.report;

/**
 * Text from input (region names, file and sheet names, cell contents quoted in messages) made safe to
 * print on a terminal: control characters would let a workbook move the cursor, rewrite earlier
 * lines ({@code \r}), change colours or the window title (ANSI escape sequences), or reorder what is
 * shown (bidirectional overrides). They are written out visibly instead: {@code \r}, {@code \n},
 * {@code \t}, or {@code \u001B} for the others, so that nothing is hidden either. This is the one
 * neutraliser of such characters: the html, xlsx and docx reports use it through {@link Shown}, and
 * the html pages apply it to every value before jte escapes it ({@link Html}).
 */
public final class TerminalText {
    private TerminalText() {}

    public static String safe(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = plain(c) ? null : replacement(c);
            if (r == null) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            b.append(r);
        }
        return b == null ? s : b.toString();
    }

    /**
     * True for most characters at two or three comparisons (printable ASCII, CJK and full-width forms, the
     * rest of U+00A0–U+200D but U+061C): a report writes millions, nearly all of them such. False means
     * {@link #replacement} decides.
     */
    static boolean plain(char c) {
        return c >= 0x20 && c < 0x7F || c > 0x2069 || c >= 0xA0 && c < 0x200E && c != 0x061C;
    }

    static String replacement(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default:
        }
        boolean control = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
        boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
        return control || bidi ? String.format("\\u%04X", (int) c) : null;
    }

    /** The arguments of a printf with every string made safe. */
    static Object[] safe(Object... args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = args[i] instanceof CharSequence cs ? safe(cs.toString()) : args[i];
        return out;
    }
}
