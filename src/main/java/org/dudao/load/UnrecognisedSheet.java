package org.dudao.load;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sheet the loader did not recognise showed in its first rows: the first row of headings (two or
 * more words), and for each heading no known name matches, the nearest known names. A workbook with English
 * or misspelt headers then says what was seen and what was expected, not only that nothing was found.
 */
final class UnrecognisedSheet {
    /** Headings shown of a long row. */
    private static final int SHOWN = 12;

    private String row;
    /** The headings as typed, and as names (normalised, without a unit in brackets). */
    private List<String> headers, names;

    /** A row above any recognised header: kept if it is the first that looks like headings. */
    void look(List<CellValue> cells) {
        if (headers != null) return;
        List<String> words = new ArrayList<>(), parsed = new ArrayList<>();
        for (CellValue c : cells) {
            if (c.kind() != CellValue.Kind.TEXT || Values.parseNumber(c.text()).isPresent()) continue;
            words.add(c.text().strip());
            parsed.add(Text.Header.parse(c.text()).name());
        }
        if (words.size() < 2) return;
        headers = words;
        names = parsed;
        row = cells.get(0).ref().replaceAll("\\D", "");
    }

    /** {@code ；第 1 行的表头：A、B、C；“地区编码”不是已知的列名（最接近的名称：地区代码）}, or nothing when no row looked like headings. */
    String describe(MetricDictionary dictionary) {
        if (headers == null) return "";
        StringBuilder b = new StringBuilder("；第 ").append(row).append(" 行的表头：")
                .append(String.join("、", headers.subList(0, Math.min(SHOWN, headers.size()))))
                .append(headers.size() > SHOWN ? " 等 " + headers.size() + " 列" : "");
        HeaderHints hints = new HeaderHints(dictionary);
        for (int i = 0; i < Math.min(SHOWN, names.size()); i++) {
            if (hints.isKnown(names.get(i))) continue;
            String hint = hints.hint(names.get(i));
            if (!hint.isEmpty()) b.append("；“").append(headers.get(i)).append("”不是已知的列名").append(hint);
        }
        return b.toString();
    }
}
