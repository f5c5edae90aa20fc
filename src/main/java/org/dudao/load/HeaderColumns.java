package org.dudao.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns a sheet's header names, over one line or two: a group title merged across columns is
 * carried over its sub-headers, a second line of units only ({@code （亿元）}) gives the units of the
 * names above, each structural column's role is taken once (a repeated one is reported and ignored),
 * and each metric column is looked up in the dictionary with the factor from its unit to the
 * dictionary's.
 */
final class HeaderColumns {
    private final SheetKind kind;
    private final MetricDictionary dictionary;
    private final SheetOutput out;
    private final ColumnSpec[] columns;
    private final ColumnSpec[] roles = new ColumnSpec[Column.values().length];
    /** The class-size band columns (56-60人 …). */
    private final List<ColumnSpec> bands = new ArrayList<>();
    private final List<ColumnSpec> metrics = new ArrayList<>();

    HeaderColumns(SheetKind kind, List<CellValue> top, List<CellValue> bottom, MetricDictionary dictionary, SheetOutput out) {
        this.kind = kind;
        this.dictionary = dictionary;
        this.out = out;
        int width = 0;
        for (CellValue c : top) width = Math.max(width, c.column() + 1);
        for (CellValue c : bottom) width = Math.max(width, c.column() + 1);
        String[] topText = new String[width];
        String[] bottomText = new String[width];
        String[] refs = new String[width];
        for (CellValue c : top) { topText[c.column()] = c.asText(); refs[c.column()] = c.ref(); }
        for (CellValue c : bottom) { bottomText[c.column()] = c.asText(); if (refs[c.column()] == null || !c.isBlank()) refs[c.column()] = c.ref(); }
        // A group title merged across columns is in its first cell only: carry it right over its sub-headers.
        String carried = null;
        for (int i = 0; i < width; i++) {
            if (!blank(topText[i])) carried = topText[i];
            else if (!blank(bottomText[i])) topText[i] = carried;
        }
        columns = new ColumnSpec[width];
        for (int i = 0; i < width; i++) {
            if (blank(topText[i]) && blank(bottomText[i])) continue;
            columns[i] = column(i, refs[i], blank(topText[i]) ? null : Text.Header.parse(topText[i]),
                    blank(bottomText[i]) ? null : Text.Header.parse(bottomText[i]));
            if (columns[i].role() == Column.METRIC) metrics.add(columns[i]);
        }
    }

    int width() { return columns.length; }

    /** True when the column has a header. */
    boolean headed(int column) { return column < columns.length && columns[column] != null; }

    /** The column of a structural role, or null when the sheet has none. */
    ColumnSpec of(Column role) { return roles[role.ordinal()]; }

    /** The metric columns, left to right. */
    List<ColumnSpec> metrics() { return metrics; }

    /** The class-size band columns, left to right; empty when the sheet has none. */
    List<ColumnSpec> bands() { return bands; }

    private ColumnSpec column(int index, String ref, Text.Header top, Text.Header bottom) {
        if (top != null && bottom != null && bottom.unitOnly() != null) {
            // A second header line with only the unit, （亿元）, gives the unit of the name above it.
            top = new Text.Header(top.name(), bottom.unitOnly());
            bottom = null;
        }
        Text.Header main = bottom != null ? bottom : top;
        Column role = Column.of(main.name(), kind);
        if (role == Column.METRIC && bottom != null && top != null) {
            Column topRole = Column.of(top.name(), kind);
            if (topRole != Column.METRIC) { role = topRole; main = top; }
        }
        if (role != Column.METRIC) return structural(index, ref, role, main);
        String unit = bottom != null && bottom.unit() != null ? bottom.unit() : top != null ? top.unit() : null;
        Optional<MetricDictionary.Def> def = Optional.empty();
        if (bottom != null) def = dictionary.lookup(bottom.name());
        if (def.isEmpty() && bottom != null && top != null) def = dictionary.lookup(top.name() + bottom.name());
        if (def.isEmpty() && bottom == null) def = dictionary.lookup(top.name());
        if (def.isEmpty()) {
            String name = bottom != null && top != null && !top.name().equals(bottom.name())
                    ? top.name() + bottom.name() : main.name();
            out.warning(ref, "指标字典中没有“" + name + "”" + new HeaderHints(dictionary).hint(name) + "：该列按原样保留，规则不会用到它，"
                    + "如属新指标请在 rules/metrics.csv 中登记");
            return new ColumnSpec(index, ref, Column.METRIC, name, unit, null, BigDecimal.ONE);
        }
        MetricDictionary.Def d = def.get();
        BigDecimal factor = BigDecimal.ONE;
        if (d.type() == MetricType.NUMBER && unit != null && d.unit() != null) {
            Optional<BigDecimal> f = Units.factor(unit, d.unit());
            if (f.isEmpty()) {
                out.error(ref, "“" + d.name() + "”的单位“" + unit + "”无法换算为指标字典规定的“" + d.unit() + "”：本列数值不读");
                factor = null;
            } else {
                factor = f.get();
            }
        }
        return new ColumnSpec(index, ref, Column.METRIC, d.name(), unit, d, factor);
    }

    /** A column that says which row it is (code, name, year …): the first of each role counts. */
    private ColumnSpec structural(int index, String ref, Column role, Text.Header main) {
        ColumnSpec spec = new ColumnSpec(index, ref, role, main.name(), main.unit(), null, null);
        if (role == Column.CLASS_BAND) {
            bands.add(spec);
            return spec;
        }
        ColumnSpec first = roles[role.ordinal()];
        if (first == null) {
            roles[role.ordinal()] = spec;
        } else if (role != Column.IGNORED) {
            out.warning(ref, "重复的“" + main.name() + "”列：只读第一列（" + first.ref() + "）");
            return new ColumnSpec(index, ref, Column.IGNORED, main.name(), null, null, null);
        }
        return spec;
    }

    private static boolean blank(String s) { return s == null || Text.normalize(s).isEmpty(); }
}
