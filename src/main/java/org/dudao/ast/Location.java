package org.dudao.ast;

/** A place in a source text: line and column from 1 (0 when unknown). */
public record Location(int line, int column) {
    public static final Location UNKNOWN = new Location(0, 0);

    /** The place of a character offset in a text. */
    public static Location of(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(line, end - lineStart + 1);
    }

    /** The offset of a line (from 1) and column (from 1) in a text; the text's length past its end. */
    public static int offset(String text, int line, int column) {
        int l = 1;
        int i = 0;
        while (l < line && i < text.length()) {
            if (text.charAt(i++) == '\n') l++;
        }
        return Math.min(text.length(), i + Math.max(column, 1) - 1);
    }

    public boolean known() { return line > 0; }
}
