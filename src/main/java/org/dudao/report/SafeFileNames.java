package org.dudao.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * File names made from input text (a region's name and code): only letters, digits (any script, so
 * Chinese stays readable), '-' and '_' survive; everything else, path separators and dots included,
 * becomes '_'. The result is then resolved and checked to lie directly inside the output folder.
 */
final class SafeFileNames {
    private static final int MAX_CODE_POINTS = 80;

    private SafeFileNames() {}

    static String sanitise(String raw) {
        StringBuilder b = new StringBuilder();
        String s = raw == null ? "" : raw;
        for (int i = 0; i < s.length() && b.codePointCount(0, b.length()) < MAX_CODE_POINTS; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean keep = Character.isLetterOrDigit(cp) || cp == '-' || cp == '_';
            if (keep) b.appendCodePoint(cp);
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') b.append('_'); // no leading '_', no runs
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') b.setLength(b.length() - 1);
        return b.length() == 0 ? "未命名" : b.toString();
    }

    /** A sanitised name with the extension, not yet in {@code used} (compared ignoring case), added to it. */
    static String unique(String raw, String extension, Set<String> used) {
        String base = sanitise(raw);
        String name = base + extension;
        for (int n = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); n++) name = base + "_" + n + extension;
        return name;
    }

    /** {@code dir/name}, refusing anything that would land elsewhere. */
    static Path inside(Path dir, String name) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        if (!base.equals(file.getParent())) throw new IOException("file name leaves the output folder: " + name);
        return file;
    }
}
