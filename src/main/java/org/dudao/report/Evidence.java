package org.dudao.report;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells a verdict's numbers came from, as a reader follows them: {@code 工作簿名!工作表!单元格}, with
 * the file's name and not its folder (the full path and SHA-256 are in the inputs annex and
 * report.json), each cell once, in the order the verdict gives them.
 */
final class Evidence {
    /** A cell in A1 form (compiled once: report.xlsx names millions of cells on a large run). */
    private static final Pattern A1 = Pattern.compile("[A-Z]{1,3}[1-9][0-9]*");

    /** Cells named in a document's finding before "等 N 个单元格". */
    static final int CELLS_SHOWN = 6;

    private Evidence() {}

    /** {@code sample-2024.xlsx!表1 地区!F8}; a place that is not a cell (a params.csv line) as {@code params.csv 第3行}. */
    static String cell(Origin o) {
        if (o == null) return "";
        String file = Shown.fileName(o.getFile());
        String cell = o.getCell();
        boolean plain = cell != null && A1.matcher(cell).matches();
        StringBuilder b = new StringBuilder(file);
        if (!plain) {
            if (cell != null && !cell.isEmpty()) b.append(b.length() == 0 ? "" : " ").append(Shown.name(cell));
            return b.toString();
        }
        if (o.getSheet() != null) b.append(b.length() == 0 ? "" : "!").append(Shown.name(o.getSheet()));
        return b.append('!').append(cell).toString();
    }

    /** Every distinct cell of a verdict: its evidence, then the cells of the children it names. */
    static List<String> cells(Verdict v) {
        Set<String> out = new LinkedHashSet<>();
        for (Metric m : v.getEvidence()) out.add(cell(m.getOrigin()));
        for (ChildFinding c : v.getChildren()) for (Origin o : c.cells()) out.add(cell(o));
        out.remove("");
        return new ArrayList<>(out);
    }

    /** The cells of a verdict, cut at {@link #CELLS_SHOWN} with "等 N 个单元格"; empty when it has none. */
    static String shortList(Verdict v) {
        List<String> all = cells(v);
        if (all.size() <= CELLS_SHOWN) return String.join("、", all);
        return String.join("、", all.subList(0, CELLS_SHOWN)) + " 等 " + all.size() + " 个单元格";
    }

    /** Each cell with the value read there ({@code sample-2024.xlsx!表1 地区!F8（一般公共预算教育支出 2024年 44000 万元）}), each once. */
    static String withValues(Verdict v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Metric m : v.getEvidence()) {
            String cell = cell(m.getOrigin());
            out.putIfAbsent(cell, cell + "（" + Shown.name(m.getKey()) + " " + m.getYear() + "年 " + Shown.text(m.display()) + "）");
        }
        for (ChildFinding c : v.getChildren()) {
            for (Origin o : c.cells()) {
                String cell = cell(o);
                out.putIfAbsent(cell, cell);
            }
        }
        out.remove("");
        return String.join("；", out.values());
    }
}
