package org.dudao.load;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The known names nearest a header the loader did not recognise (地区编码 → 地区代码, 在校生人数 → 在校学生数):
 * the dictionary's metrics (an alias suggests its metric's name) and the columns that identify a row.
 */
final class HeaderHints {
    static final int MAX = 3;
    /** The headers that make a sheet a region, school, class or parameter sheet, and the row's other key columns. */
    private static final List<String> KEY_COLUMNS = List.of("地区代码", "地区名称", "上级代码", "层级", "年度", "学校代码", "学校名称",
            "学段", "班级", "年级", "学生数", "参数名称", "参数值");

    /** Each known name (normalised) with the name suggested for it. */
    private final Map<String, String> known = new LinkedHashMap<>();

    HeaderHints(MetricDictionary dictionary) {
        for (String k : KEY_COLUMNS) known.put(k, k);
        for (MetricDictionary.Def d : dictionary.all()) {
            known.putIfAbsent(Text.normalize(d.name()), d.name());
            for (String a : d.aliases()) known.putIfAbsent(Text.normalize(a), d.name());
        }
    }

    /** True when the header is a known name: no hint needed. */
    boolean isKnown(String header) {
        String h = Text.normalize(header);
        if (known.containsKey(h)) return true;
        for (SheetKind kind : new SheetKind[]{SheetKind.REGION, SheetKind.SCHOOL, SheetKind.CLASS}) {
            if (Column.of(h, kind) != Column.METRIC) return true;
        }
        return false;
    }

    /** Up to three names within a small edit distance of the header (or containing it), nearest first. */
    List<String> nearest(String header) {
        String h = Text.normalize(header);
        int limit = Math.max(1, h.length() / 2);
        LevenshteinDistance lev = new LevenshteinDistance(limit);
        Map<String, Integer> best = new LinkedHashMap<>();
        for (Map.Entry<String, String> k : known.entrySet()) {
            int d = lev.apply(h, k.getKey());
            if (d < 0 && h.length() >= 2 && k.getKey().contains(h)) d = limit;
            if (d >= 0) best.merge(k.getValue(), d, Math::min);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(best.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX, sorted.size()); i++) out.add(sorted.get(i).getKey());
        return out;
    }

    /** {@code （最接近的名称：A、B）}, or nothing when no known name is near. */
    String hint(String header) {
        List<String> near = nearest(header);
        return near.isEmpty() ? "" : "（最接近的名称：" + String.join("、", near) + "）";
    }
}
