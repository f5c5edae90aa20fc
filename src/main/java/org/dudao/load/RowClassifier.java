package org.dudao.load;

import java.util.List;

/**
 * Tells the rows of a sheet that are not data from those that are: 合计/总计 rows, the notes and
 * signatures under a table (注, 填表人 …), and the 栏次 line numbering the columns.
 */
final class RowClassifier {
    private static final List<String> TOTALS = List.of("合计", "总计", "小计", "全省合计", "全市合计", "全县合计", "总体");
    private static final List<String> NOTES = List.of("注", "说明", "备注", "数据来源", "资料来源", "填表人", "填报人",
            "审核人", "负责人", "单位负责人", "制表", "填报日期", "联系电话", "示例");

    private RowClassifier() {}

    /** 合计/总计 rows and the notes and signatures under a table are not data rows. */
    static boolean isNoteOrTotal(List<CellValue> cells, CellValue code, CellValue name) {
        if (startsWithTotal(code) || startsWithTotal(name)) return true;
        CellValue first = null;
        for (CellValue c : cells) {
            if (!c.isBlank()) { first = c; break; }
        }
        if (first == null || first.kind() != CellValue.Kind.TEXT) return false;
        String t = Text.normalize(first.text());
        if (startsAscii(t)) return false; // a code or a number: every total and note word is Chinese
        if (TOTALS.contains(t)) return true;
        boolean codeElsewhere = code != null && code.column() != first.column();
        if (codeElsewhere) return false;
        if (t.startsWith("注")) return true;
        for (String n : NOTES) {
            if (t.startsWith(n) && (t.length() == n.length() || ":：1".indexOf(t.charAt(n.length())) >= 0)) return true;
        }
        return false;
    }

    private static boolean startsWithTotal(CellValue c) {
        if (c == null) return false;
        String t = Text.normalize(c.asText());
        if (startsAscii(t)) return false;
        for (String total : TOTALS) if (t.startsWith(total)) return true;
        return false;
    }

    /** Empty or starting with an ASCII character, so starting with none of the (Chinese) words of {@link #TOTALS} and {@link #NOTES}. */
    private static boolean startsAscii(String t) { return t.isEmpty() || t.charAt(0) < 0x80; }

    /**
     * The 栏次 line statistical forms put under the header: 甲, 乙, 丙 over the descriptive columns and
     * 1, 2, 3 … over the figures. It numbers the columns; it is not a region.
     */
    static boolean isColumnNumbering(List<CellValue> cells) {
        int stems = 0;
        int expected = 1;
        for (CellValue c : cells) {
            if (c.isBlank()) continue;
            String t = Text.normalize(c.asText());
            if (t.length() == 1 && "甲乙丙丁戊己庚辛".contains(t)) { stems++; continue; }
            if (!isNumeral(t, expected)) return false;
            expected++;
        }
        return stems > 0 && expected > 2;
    }

    /** True when {@code t} is {@code n} written in decimal digits, as {@code Integer.toString(n)} would (n ≥ 1). */
    private static boolean isNumeral(String t, int n) {
        int i = t.length();
        if (i == 0) return false;
        for (; n > 0 && i > 0; n /= 10) {
            if (t.charAt(--i) != (char) ('0' + n % 10)) return false;
        }
        return n == 0 && i == 0;
    }
}
