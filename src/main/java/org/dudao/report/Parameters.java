package org.dudao.report;

import org.dudao.engine.Bound;
import org.dudao.model.Indicator;
import org.dudao.model.Param;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters the indicators' bounds use ({@code {FUND-03提高额|150}}), each with the value this run
 * used and where it came from, in the order the engine looks: the workbook's 参数 sheet, then
 * {@code rules/params.csv}, then the default written in the rule. Worked out from the catalogue, the
 * dataset's 参数 and the rule base's parameters, as the engine resolves them; never read back from a
 * verdict's text.
 */
final class Parameters {
    /** Where a parameter's value came from. */
    enum From { WORKBOOK, PARAMS_FILE, DEFAULT, UNSET }

    /**
     * One parameter: the indicators whose bound uses it, the value used (null when it is not a number or
     * not set), the value as written, its unit, and where it came from.
     */
    record Row(String name, List<String> indicators, BigDecimal value, String written, String unit, From from, String origin) {
        /** The value with its unit, as the reports show it. */
        String shown() {
            if (value == null) return written == null || written.isEmpty() ? "未设置" : "“" + Shown.name(written) + "”（不是数值）";
            return Standards.number(value, unit);
        }

        /** Where it came from, in words. */
        String source() {
            return switch (from) {
                case WORKBOOK -> "工作簿参数表 " + origin;
                case PARAMS_FILE -> "规则目录参数文件 " + origin;
                case DEFAULT -> "规则中的默认值（" + origin + "）";
                case UNSET -> "未设置，规则中也没有默认值";
            };
        }
    }

    private final Map<String, Row> rows;

    private Parameters(Map<String, Row> rows) {
        this.rows = rows;
    }

    static Parameters of(Report report) {
        Map<String, Param> workbook = new LinkedHashMap<>();
        for (Param p : report.data().params()) workbook.put(p.getName(), p); // the last of a name wins, as in the engine's facts
        Map<String, Param> file = report.context().ruleParams();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Indicator i : report.catalogue()) {
            Bound b = Standards.parse(i.bound());
            if (b == null) continue;
            List<Bound> all = new ArrayList<>();
            if (b.isCompound()) for (Bound.Part part : b.parts()) all.add(part.bound());
            else all.add(b);
            for (Bound x : all) {
                if (x.param() == null) continue;
                Row known = rows.get(x.param());
                if (known != null) {
                    if (!known.indicators().contains(i.id())) known.indicators().add(i.id());
                    continue;
                }
                rows.put(x.param(), resolve(x, i, workbook.get(x.param()), file.get(x.param())));
            }
        }
        return new Parameters(rows);
    }

    private static Row resolve(Bound b, Indicator i, Param workbook, Param file) {
        List<String> ids = new ArrayList<>(List.of(i.id()));
        if (workbook != null) {
            // a workbook's number carries no written precision (150 comes as 150.0): shown without trailing zeros
            BigDecimal n = workbook.getValue() == null ? null : workbook.getValue().stripTrailingZeros();
            if (n != null && n.scale() < 0) n = n.setScale(0);
            return new Row(b.param(), ids, n, workbook.getText(), b.unit(), From.WORKBOOK, Evidence.cell(workbook.getOrigin()));
        }
        if (file != null) {
            return new Row(b.param(), ids, file.getValue(), file.getText(), b.unit(), From.PARAMS_FILE, Evidence.cell(file.getOrigin()));
        }
        if (b.number() != null) return new Row(b.param(), ids, b.number(), b.number().toPlainString(), b.unit(), From.DEFAULT, i.file());
        return new Row(b.param(), ids, null, null, b.unit(), From.UNSET, i.file());
    }

    /** Every parameter a bound uses, in catalogue order. */
    List<Row> rows() { return List.copyOf(rows.values()); }

    /** The value used for a parameter, or null. */
    BigDecimal value(String name) {
        Row r = rows.get(name);
        return r == null ? null : r.value();
    }
}
