package org.dudao.engine;

import org.dudao.model.Metric;
import org.dudao.model.Param;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what a bound or a setting of a call stands for in one evaluation: a parameter ({@code {FUND-03提高额|150}})
 * from the workbook's 参数 sheet, else {@code rules/params.csv}, else the default written in the rule; another
 * metric of the entity; or the number written (perhaps set in the thresholds table).
 */
final class BoundResolver {
    private static final Pattern SETTING = Pattern.compile("\\{([^|}]+)(?:\\|([^}]*))?}");

    private BoundResolver() {}

    /** A setting a rule call writes as text ({@code "06-30"}) or as a parameter with its default ({@code "{PLAN-01评估日期|06-30}"}). */
    record Setting(String text, String source, List<Metric> evidence) {}

    /**
     * Resolves a bound's number: a parameter (workbook, rules/params.csv, default), another metric, or the number written;
     * a bound set in the thresholds table says so, with its sheet and cell.
     */
    static Limit limit(Call c, Bound b) {
        Limit l = resolve(c, b);
        if (b.origin() == null) return l;
        return new Limit(l.number(), l.text() + "（取自界值表 " + b.origin() + "）", l.evidence(), l.missing());
    }

    private static Limit resolve(Call c, Bound b) {
        if (b.param() != null) {
            String name = b.param();
            String unit = b.unit();
            Param p = c.param(name);
            if (p != null) {
                String from = c.facts().param(name) != null ? "取自 " + p.getOrigin() : "取自 rules/" + RuleBase.PARAMS_FILE;
                if (p.getValue() == null) {
                    return new Limit(null, b.op().symbol() + " 参数“" + name + "”", List.of(paramMetric(p, c.year())),
                            List.of("参数“" + name + "”的数值（“" + p.getText() + "”不是数值，" + from + "）"));
                }
                return new Limit(p.getValue(), b.op().symbol() + " " + Fmt.num(p.getValue(), unit) + "（参数“" + name + "”，" + from + "）",
                        List.of(paramMetric(p, c.year())), List.of());
            }
            if (b.number() == null) {
                return new Limit(null, b.op().symbol() + " 参数“" + name + "”", List.of(), List.of("参数“" + name + "”（参数表或 rules/params.csv）"));
            }
            return new Limit(b.number(), b.op().symbol() + " " + Fmt.num(b.number(), unit) + "（参数“" + name + "”未设置，取默认值）", List.of(), List.of());
        }
        if (b.metric() != null) {
            Value bv = Expr.value(b.metric()).eval(c.facts(), c.entity(), c.year());
            return new Limit(bv.present() ? bv.number() : null, b.op().symbol() + " " + bv.shown(), bv.evidence(), bv.missing());
        }
        return new Limit(b.number(), b.text(), List.of(), List.of());
    }

    /** “左右”: the tolerance of {@code @tolerance} resolved (a parameter, or the number written), or null. */
    static Limit tolerance(Call c) {
        String raw = c.meta().indicator().reading().tolerance();
        if (raw == null) return null;
        Limit l = limit(c, Bound.parse("<= " + raw));
        int from = l.text().indexOf('（');
        return new Limit(l.number(), from < 0 ? "" : l.text().substring(from), l.evidence(), l.missing());
    }

    /** Resolves a setting: the workbook's 参数 sheet, then rules/params.csv, then the default; the source says which. */
    static Setting setting(Call c, String spec) {
        Matcher m = SETTING.matcher(spec.strip());
        if (!m.matches()) return new Setting(spec.strip(), "规则设定", List.of());
        String name = m.group(1).strip();
        Param p = c.param(name);
        if (p != null) return new Setting(p.getText(), "参数“" + name + "”，取自 " + p.getOrigin(), List.of(paramMetric(p, c.year())));
        return new Setting(m.group(2) == null ? "" : m.group(2).strip(), "参数“" + name + "”未设置，取默认值", List.of());
    }

    /** A parameter as evidence: the cell (or params.csv line) its value came from. */
    private static Metric paramMetric(Param p, int year) {
        return new Metric("参数", year, p.getName(), p.getValue(), p.getValue() == null ? p.getText() : null, null, p.getOrigin());
    }
}
