package org.dudao.report;

/**
 * Text from the input as the html, xlsx and docx reports show it. Control and bidirectional-override
 * characters are written out visibly ({@code \u202E}), as on the console ({@link TerminalText}), so a
 * workbook cannot reorder what a reader sees or break the document's XML; and a name is cut to
 * {@link #NAME_LIMIT} characters, longer text to {@link #TEXT_LIMIT}, so one absurd cell cannot blow up
 * a report. report.json keeps everything exactly as it came.
 */
public final class Shown {
    /** Characters of a name (a region, school, file or sheet) shown before "…". */
    public static final int NAME_LIMIT = 100;
    /** Characters of a message or other free text shown before "…". */
    public static final int TEXT_LIMIT = 2000;

    private Shown() {}

    /** A name: made visible and cut to {@link #NAME_LIMIT}. */
    public static String name(String s) {
        return cut(clean(s), NAME_LIMIT);
    }

    /** Free text such as a verdict's message: made visible and cut to {@link #TEXT_LIMIT}. */
    public static String text(String s) {
        return cut(clean(s), TEXT_LIMIT);
    }

    /**
     * Text quoted as a document quotes it: in “…”, its own double quotes made single (‘徐特立项目’), as
     * Chinese usage nests quotation marks.
     */
    public static String quoted(String s) {
        return "“" + text(s).replace('“', '‘').replace('”', '’') + "”";
    }

    /** Control and bidi characters written out visibly; nothing cut. */
    public static String clean(String s) {
        return s == null ? "" : TerminalText.safe(s);
    }

    /** The file name of a path as given (either separator), so a report shows no folder. */
    public static String fileName(String path) {
        if (path == null) return "";
        int at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return name(at < 0 ? path : path.substring(at + 1));
    }

    static String cut(String s, int limit) {
        if (s.codePointCount(0, s.length()) <= limit) return s;
        return s.substring(0, s.offsetByCodePoints(0, limit - 1)) + "…";
    }
}
