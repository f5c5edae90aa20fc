package org.dudao.load;

import org.dudao.model.Metric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Reads the metric cells of a data row as {@link Metric} facts of the row's entity, each as its
 * dictionary type says: a number converted to the dictionary's unit (a percentage as shown, 85.3%;
 * a unit in the cell, 12亿元, converted from that unit), 是/否, or text. A column the dictionary lacks
 * is kept as it is. A cell that cannot be read (an error value, a formula without its result, a date,
 * text that is no number) is a problem on that cell, and the rest of the row is still read.
 */
final class MetricCells {
    private final SheetOutput out;

    MetricCells(SheetOutput out) { this.out = out; }

    /** Every metric column of the row. */
    void read(DataRow row, HeaderColumns columns, String entity, int year) {
        for (ColumnSpec spec : columns.metrics()) {
            CellValue c = row.at(spec);
            if (c == null || c.kind() != CellValue.Kind.NUMBER && Values.isPlaceholder(c.asText())) continue;
            if (spec.def() != null && spec.def().type() == MetricType.YES_NO) yesNo(c, entity, year, spec);
            else if (spec.def() != null && spec.def().type() == MetricType.TEXT) text(c, entity, year, spec);
            else if (spec.def() == null) unknown(c, entity, year, spec);
            else number(c, entity, year, spec);
        }
    }

    /** One cell read as a number of the metric {@code spec} names. */
    void number(CellValue c, String entity, int year, ColumnSpec spec) {
        if (unreadable(c, spec) || spec.factor() == null) return;
        BigDecimal value;
        boolean percent;
        if (c.kind() == CellValue.Kind.NUMBER) {
            percent = c.percentFormat();
            value = percent ? c.number().movePointRight(2) : c.number();
        } else {
            Optional<Values.Num> n = c.kind() == CellValue.Kind.TEXT ? Values.parseNumber(c.text()) : Optional.empty();
            if (n.isEmpty()) { withUnitInCell(c, entity, year, spec); return; }
            value = n.get().value();
            percent = n.get().percent();
        }
        String canonical = canonicalUnit(spec);
        BigDecimal factor = spec.factor();
        if (percent && !"%".equals(spec.unit())) {
            Optional<BigDecimal> f = Units.factor("%", canonical == null ? "%" : canonical);
            if (f.isEmpty()) { problem(c, spec, "的值“" + c.asText() + "”是百分数，而该指标的单位是“" + canonical + "”"); return; }
            factor = f.get();
        }
        if (factor.compareTo(BigDecimal.ONE) != 0) value = value.multiply(factor, MathContext.DECIMAL128);
        if (NumberText.outOfRange(value)) { problem(c, spec, "的值" + NumberText.outOfRangeText(NumberText.shown(c))); return; }
        out.facts().metric(new Metric(entity, year, spec.name(), value, null, canonical, out.origin(c.ref())));
    }

    /**
     * A number with its own unit in the cell, {@code 12亿元}: converted from that unit to the metric's
     * (the cell's unit wins over the header's, with a warning when the two differ); a unit of another
     * kind, or text that is no number at all, is a problem on the cell.
     */
    private void withUnitInCell(CellValue c, String entity, int year, ColumnSpec spec) {
        Optional<UnitSuffix.Parsed> p = UnitSuffix.parse(c.text());
        String canonical = canonicalUnit(spec);
        if (p.isEmpty()) { problem(c, spec, "的值" + NumberText.whyNot(c.text()).orElse("“" + c.asText() + "”不是数值")); return; }
        Optional<BigDecimal> f = canonical == null ? Optional.empty() : Units.factor(p.get().unit(), canonical);
        if (f.isEmpty()) {
            problem(c, spec, "的值“" + c.asText() + "”的单位“" + p.get().unit() + "”无法换算为"
                    + (canonical == null ? "该指标的单位" : "“" + canonical + "”"));
            return;
        }
        if (spec.unit() != null && !Units.factor(p.get().unit(), spec.unit()).map(x -> x.compareTo(BigDecimal.ONE) == 0).orElse(false)) {
            out.warning(c.ref(), "“" + spec.name() + "”的值“" + c.asText() + "”自带单位“"
                    + p.get().unit() + "”，与表头的单位“" + spec.unit() + "”不同：按单元格中的单位换算");
        }
        BigDecimal value = p.get().value().multiply(f.get(), MathContext.DECIMAL128);
        if (NumberText.outOfRange(value)) { problem(c, spec, "的值" + NumberText.outOfRangeText(c.asText())); return; }
        out.facts().metric(new Metric(entity, year, spec.name(), value, null, canonical, out.origin(c.ref())));
    }

    /** The unit a metric is kept in: the dictionary's, or the header's for a column the dictionary lacks. */
    private static String canonicalUnit(ColumnSpec spec) { return spec.def() == null ? spec.unit() : spec.def().unit(); }

    private void yesNo(CellValue c, String entity, int year, ColumnSpec spec) {
        if (unreadable(c, spec)) return;
        Optional<Boolean> b = Values.parseYesNo(c);
        if (b.isEmpty()) { problem(c, spec, "的值“" + c.asText() + "”不是“是”或“否”"); return; }
        out.facts().metric(new Metric(entity, year, spec.name(), b.get() ? BigDecimal.ONE : BigDecimal.ZERO, b.get() ? "是" : "否",
                null, out.origin(c.ref())));
    }

    private void text(CellValue c, String entity, int year, ColumnSpec spec) {
        if (unreadable(c, spec)) return;
        out.facts().metric(new Metric(entity, year, spec.name(), null, Text.normalize(c.asText()), null, out.origin(c.ref())));
    }

    private void unknown(CellValue c, String entity, int year, ColumnSpec spec) {
        // A percentage is kept as the percentage shown, as for dictionary metrics: 85.3%, never 0.853.
        String percentUnit = spec.unit() == null ? "%" : spec.unit();
        if (c.kind() == CellValue.Kind.NUMBER) {
            BigDecimal value = c.percentFormat() ? c.number().movePointRight(2) : c.number();
            out.facts().metric(new Metric(entity, year, spec.name(), value, null, c.percentFormat() ? percentUnit : spec.unit(), out.origin(c.ref())));
            return;
        }
        Optional<Values.Num> n = c.kind() == CellValue.Kind.TEXT ? Values.parseNumber(c.text()) : Optional.empty();
        String unit = n.isPresent() && n.get().percent() ? percentUnit : spec.unit();
        out.facts().metric(new Metric(entity, year, spec.name(), n.map(Values.Num::value).orElse(null), n.isPresent() ? null : c.asText(),
                unit, out.origin(c.ref())));
    }

    private boolean unreadable(CellValue c, ColumnSpec spec) {
        switch (c.kind()) {
            case FORMULA_WITHOUT_VALUE -> problem(c, spec, "公式没有计算结果（文件保存时未计算）：请在 Excel 中打开、重新计算并保存");
            case ERROR -> problem(c, spec, "单元格是错误值 " + c.text());
            case DATE -> problem(c, spec, "单元格是日期 " + c.text() + "，不是" + (spec.def() == null ? "数值" : spec.def().type().label()));
            default -> { return false; }
        }
        return true;
    }

    private void problem(CellValue c, ColumnSpec spec, String message) {
        out.error(c.ref(), "“" + spec.name() + "”" + message + "：此值未采用");
    }
}
