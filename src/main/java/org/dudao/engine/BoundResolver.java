package org.dudao.engine;

import org.dudao.model.Metric;
import org.dudao.model.MissingValue;
import org.dudao.model.Param;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what a bound or a setting of a call stands for in one evaluation: a parameter ({@code {FUND-03提高额|150}})
 * from the workbook's 参数 sheet, else {@code rules/params.csv}, else the default written in the rule; another
 * metric of the entity; or the number written (perhaps set in the thresholds table). The standard is put in
 * words ({@link StandardWords}); which parameter or cell it came from is remembered by the {@link Call}, for
 * the verdict's structured fields, never said in its text.
 */
final class BoundResolver {
    private static final Pattern SETTING = Pattern.compile("\\{([^|}]+)(?:\\|([^}]*))?}");

    private BoundResolver() {}

    /** A setting a rule call writes as text ({@code "06-30"}) or as a parameter with its default ({@code "{PLAN-01评估日期|06-30}"}): its text, the parameter's name (or null), the cell it came from. */
    record Setting(String text, String param, List<Metric> evidence) {
        /** How to say which setting a text came from, for a message that asks to correct it: （参数“任务评估日期”）. */
        String where() { return param == null ? "" : "（参数“" + param + "”）"; }
    }

    static Limit limit(Call c, Bound b, String unitHint) {
        c.boundFrom(b.origin());
        if (b.metric() != null) return resolve(c, b, unitHint); // another metric of the entity: its own for each
        if (b.param() != null) c.param(b.param()); // the verdict names the parameter, whether resolved now or before
        // a number or a parameter is the same for every entity of the session, unless it is missing (the gap names the entity)
        return c.memo().limit(b, c.pattern(), unitHint, () -> resolve(c, b, unitHint), l -> l.gaps().isEmpty());
    }

    private static Limit resolve(Call c, Bound b, String unitHint) {
        String unit = b.unit() != null ? b.unit() : unitHint;
        String pattern = c.pattern();
        if (b.param() != null) {
            String name = b.param();
            Param p = c.param(name);
            if (p != null && p.getValue() == null) {
                String note = "填写的“" + p.getText() + "”不是数值";
                return new Limit(null, StandardWords.words(b, pattern, null, unit), "", List.of(paramMetric(p, c.year())),
                        List.of("参数“" + name + "”的数值（" + note + "）"),
                        List.of(new MissingValue(c.entity().getCode(), MissingValue.PARAMETER_SHEET, name, null, List.of(), note)));
            }
            BigDecimal n = p != null ? c.number(p) : b.number();
            if (n == null) {
                return new Limit(null, StandardWords.words(b, pattern, null, unit), "", List.of(), List.of("参数“" + name + "”的取值"),
                        List.of(new MissingValue(c.entity().getCode(), MissingValue.PARAMETER_SHEET, name, null, List.of(),
                                "也可在规则目录的 " + RuleBase.PARAMS_FILE + " 中设置")));
            }
            return new Limit(n, StandardWords.words(b, pattern, n, unit), StandardWords.number(n, unit),
                    p == null ? List.of() : List.of(paramMetric(p, c.year())), List.of(), List.of());
        }
        if (b.metric() != null) {
            Value bv = Expr.value(b.metric()).eval(c.facts(), c.entity(), c.year());
            String words = StandardWords.words(b, pattern, null, unit);
            if (!bv.present()) return new Limit(null, words, b.metric(), bv.evidence(), bv.missing(), bv.gaps());
            String value = Fmt.value(bv.number(), bv.unit());
            return new Limit(bv.number(), words + " " + value, b.metric() + " " + value, bv.evidence(), List.of(), List.of());
        }
        BigDecimal n = b.number();
        return new Limit(n, StandardWords.words(b, pattern, n, unit), n == null ? "" : StandardWords.number(n, unit), List.of(), List.of(), List.of());
    }

    /** “左右”: the tolerance of {@code @tolerance} resolved (a parameter, or the number written), or null. */
    static Limit tolerance(Call c) {
        String raw = c.meta().indicator().reading().tolerance();
        if (raw == null) return null;
        return limit(c, Bound.parse("<= " + raw), null);
    }

    /** Resolves a setting: the workbook's 参数 sheet, then rules/params.csv, then the default. */
    static Setting setting(Call c, String spec) {
        Matcher m = SETTING.matcher(spec.strip());
        if (!m.matches()) return new Setting(spec.strip(), null, List.of());
        String name = m.group(1).strip();
        Param p = c.param(name);
        if (p != null) return new Setting(p.getText(), name, List.of(paramMetric(p, c.year())));
        return new Setting(m.group(2) == null ? "" : m.group(2).strip(), name, List.of());
    }


    /** A parameter as evidence: the cell (or params.csv line) its value came from. */
    private static Metric paramMetric(Param p, int year) {
        return new Metric("参数", year, p.getName(), p.getValue(), p.getValue() == null ? p.getText() : null, null, p.getOrigin());
    }
}
