package org.dudao.report;

import org.dudao.load.MetricDictionary;
import org.dudao.model.EntityKind;
import org.dudao.model.MissingValue;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The 补报清单: from the verdicts short of data, which unit must supply which value, in which sheet and
 * column ({@code 名称(单位)}, as the template heads it), for which years and indicators. A value a unit
 * lacks itself is listed under it; a verdict that lacks data only because units under it do (a county
 * whose schools did not report) adds nothing, as those units are listed with their own values.
 * <p>
 * Read from each verdict's structured missing values ({@link Verdict#getMissingValues()}), never from its
 * text. An entity's verdicts come together, so its values are gathered and handed to {@code sink} when the
 * next entity begins: one pass, holding one entity.
 */
final class DataGaps implements Consumer<Verdict> {
    /** A value to supply: the unit, the sheet and column it goes in, the years, the indicators waiting for it, and a note. */
    record Gap(String code, String name, String level, String sheet, String column, SortedSet<Integer> years,
               Set<String> indicators, String note) {
        /** 2023、2024 */
        String yearText() {
            List<String> y = new ArrayList<>();
            for (int n : years) y.add(String.valueOf(n));
            return String.join("、", y);
        }
    }

    private final MetricDictionary dictionary;
    private final Consumer<Gap> sink;
    private final Map<String, Gap> current = new LinkedHashMap<>();
    private String entity;
    private int units;
    private int gaps;
    private int derived;

    DataGaps(MetricDictionary dictionary, Consumer<Gap> sink) {
        this.dictionary = dictionary;
        this.sink = sink;
    }

    @Override public void accept(Verdict v) {
        if (v.getStatus() != Status.INSUFFICIENT_DATA) return;
        if (!v.getEntityCode().equals(entity)) flush();
        entity = v.getEntityCode();
        boolean any = false;
        for (MissingValue m : v.getMissingValues()) any |= add(v, m);
        if (!any) derived++;
    }

    /** Hands on the last unit's values; call once after the pass. */
    void finish() {
        flush();
        entity = null;
    }

    /** Units with something to supply. */
    int units() { return units; }

    /** Rows of the list (a unit's column, all its years). */
    int gaps() { return gaps; }

    /** Verdicts short of data only because of units under them. */
    int derived() { return derived; }

    /**
     * Lists a value the verdict's own unit must supply: a value of a unit below it (a school's for a county, a
     * class's for a region) is listed under that unit's own verdicts instead.
     */
    private boolean add(Verdict v, MissingValue m) {
        if (m.entity() != null && !m.entity().equals(v.getEntityCode())) return false;
        String sheet = m.sheet() == null ? sheet(v.getKind()) : m.sheet();
        boolean below = v.getKind().isRegion() ? sheet.equals(MissingValue.SCHOOL_SHEET) || sheet.equals(MissingValue.CLASS_SHEET)
                : v.getKind() == EntityKind.SCHOOL && sheet.equals(MissingValue.REGION_SHEET);
        if (below) return false;
        if (sheet.equals(MissingValue.PARAMETER_SHEET)) {
            put(v, sheet, "参数“" + Shown.name(m.metric()) + "”", null, Shown.text(m.note()));
            return true;
        }
        String note = m.note().isEmpty() ? alternatives(m.alternatives()) : Shown.text(m.note());
        put(v, sheet, m.metric().equals("学段") ? "学段" : column(m.metric()), m.year(), note);
        return true;
    }

    /** For a value that may also be computed: the other values that would do (或填报 A、B，由系统计算). */
    private String alternatives(List<String> metrics) {
        Set<String> cols = new LinkedHashSet<>();
        for (String m : metrics) cols.add(column(m));
        return cols.isEmpty() ? "" : "或填报 " + String.join("、", cols) + "，由系统计算";
    }

    private void put(Verdict v, String sheet, String column, Integer year, String note) {
        String key = sheet + '\u0000' + column + '\u0000' + note;
        Gap g = current.computeIfAbsent(key, k -> new Gap(v.getEntityCode(), v.getEntityName(), v.getLevel(), sheet, column,
                new TreeSet<>(), new LinkedHashSet<>(), note == null ? "" : note));
        if (year != null) g.years().add(year);
        g.indicators().add(v.getIndicator());
    }

    private void flush() {
        if (current.isEmpty()) return;
        units++;
        for (Gap g : current.values()) {
            gaps++;
            sink.accept(g);
        }
        current.clear();
    }

    /** The column a metric is filled in: {@code 一般公共预算教育支出(万元)}; a condition ({@code 班额 ≥ 56}) by its metric. */
    private String column(String metric) {
        String name = metric.strip();
        if (dictionary.get(name).isEmpty() && name.contains(" ")) {
            String first = name.substring(0, name.indexOf(' '));
            if (dictionary.get(first).isPresent()) name = first;
        }
        String unit = dictionary.get(name).map(MetricDictionary.Def::unit).orElse(null);
        return Shown.name(name) + (unit == null || unit.isEmpty() ? "" : "(" + unit + ")");
    }

    private static String sheet(EntityKind kind) {
        return switch (kind) {
            case SCHOOL -> "学校表";
            case CLASS -> "班级表";
            default -> "地区表";
        };
    }
}
