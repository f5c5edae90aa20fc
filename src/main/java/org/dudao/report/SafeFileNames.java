package org.dudao.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * File names made from input text (a region's name and code): only letters, digits (any script, so
 * Chinese stays readable), '-' and '_' survive; everything else, path separators and dots included,
 * becomes '_'. The result is then resolved and checked to lie directly inside the output folder.
 */
final class SafeFileNames {
    private static final int MAX_CODE_POINTS = 80;
    /**
     * File systems allow 255 bytes (UTF-8; 255 UTF-16 units on NTFS, never more than the UTF-8 count) for a
     * name; a run stages each file as {@code .<name>.<run id>.tmp}, 42 bytes more. A name stays within this.
     */
    static final int MAX_NAME_BYTES = 200;

    private SafeFileNames() {}

    /** The text with only letters, digits, '-' and '_' kept, at most 80 characters: a part of a file name. */
    static String sanitise(String raw) {
        return sanitise(raw, MAX_CODE_POINTS);
    }

    private static String sanitise(String raw, int maxCodePoints) {
        StringBuilder b = new StringBuilder();
        String s = raw == null ? "" : raw;
        for (int i = 0; i < s.length() && b.codePointCount(0, b.length()) < maxCodePoints; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean keep = Character.isLetterOrDigit(cp) || cp == '-' || cp == '_';
            if (keep) b.appendCodePoint(cp);
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') b.append('_'); // no leading '_', no runs
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') b.setLength(b.length() - 1);
        return b.length() == 0 ? "未命名" : b.toString();
    }

    /**
     * A sanitised name with the extension, within {@link #MAX_NAME_BYTES}, not yet in {@code used} (compared
     * ignoring case), added to it. A name too long is cut before its last {@code -} part (the region's code
     * in {@code 督导报告-<名称>-<代码>}), so that the code, which tells the files apart, stays whole.
     */
    static String unique(String raw, String extension, Set<String> used) {
        String base = sanitise(raw, Integer.MAX_VALUE);
        String name = fit(base, extension);
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) name = fit(base, "_" + n + extension);
        return name;
    }

    /** {@code base + tail}, the base cut (at a character, before its last '-' part) until the whole has at most MAX_NAME_BYTES bytes. */
    static String fit(String base, String tail) {
        if (bytes(base + tail) <= MAX_NAME_BYTES) return base + tail;
        int dash = base.lastIndexOf('-');
        String keep = dash > 0 && bytes(base.substring(dash) + tail) <= MAX_NAME_BYTES / 2 ? base.substring(dash) : "";
        String head = dash > 0 && !keep.isEmpty() ? base.substring(0, dash) : base;
        while (!head.isEmpty() && bytes(head + keep + tail) > MAX_NAME_BYTES) {
            head = head.substring(0, head.offsetByCodePoints(head.length(), -1));
        }
        return head + keep + tail;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code dir/name}, refusing anything that would land elsewhere. */
    static Path inside(Path dir, String name) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        if (!base.equals(file.getParent())) throw new IOException("file name leaves the output folder: " + name);
        return file;
    }
}
