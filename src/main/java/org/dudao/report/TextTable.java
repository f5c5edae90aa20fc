package org.dudao.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for a terminal, aligned for Chinese: a Han character or a full-width form takes
 * two columns on screen, so widths count display columns, not characters.
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    public TextTable(String... header) {
        rows.add(header);
        rightAligned = new boolean[header.length];
    }

    public TextTable alignRight(int... columns) {
        for (int c : columns) rightAligned[c] = true;
        return this;
    }

    public TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = cells[i] == null ? "" : cells[i].toString();
        rows.add(r);
        return this;
    }

    public String render() {
        int n = rows.get(0).length;
        int[] width = new int[n];
        for (String[] r : rows) for (int i = 0; i < n; i++) width[i] = Math.max(width[i], displayWidth(r[i]));
        StringBuilder b = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            for (int i = 0; i < n; i++) {
                String cell = r[i];
                int pad = width[i] - displayWidth(cell);
                if (rightAligned[i]) b.append(" ".repeat(pad)).append(cell);
                else b.append(cell).append(i == n - 1 ? "" : " ".repeat(pad));
                if (i < n - 1) b.append("  ");
            }
            b.append('\n');
            if (ri == 0) {
                for (int i = 0; i < n; i++) b.append("-".repeat(width[i])).append(i < n - 1 ? "  " : "");
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Columns a string takes on a terminal: 2 for East Asian wide and full-width characters, else 1. */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += isWide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
