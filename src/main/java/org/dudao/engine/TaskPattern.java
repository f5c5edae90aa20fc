package org.dudao.engine;

import org.dudao.model.Metric;
import org.dudao.model.MissingValue;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * task (年度任务): what a region has done against a countable target of its own plan, by the
 * target's deadline. The target is the rule's {@code @bound} (a parameter whose default is the
 * plan's number); the date the figures stand at ({@code "{任务评估日期|12-31}"}) and the target's
 * period ({@code "{TASK-…期限|12-31}"}) are settings of the call.
 *
 * <ul>
 * <li>From the deadline on, the figure is compared with the target as written: 230 所 done by the
 *     year's end, or 0 无证幼儿园 left.</li>
 * <li>Before it, with the share of the period gone (时间过半、任务过半, as PLAN-01): a count must
 *     reach target × share; a stock must have moved that share of the way from where it stood before
 *     the period (10 无证幼儿园 at the end of last year: at most 5.03 left on 30 June).</li>
 * <li>A ceiling on a count ({@code = 0} new approvals: 停止审批) holds on every day; it is not
 *     pro-rated.</li>
 * <li>A count over several years is the sum of the years of the period so far, each year's figure
 *     being that year's; a year outside the period is NOT_APPLICABLE.</li>
 * <li>A target the plan only strives for (力争, 争创) is never FAIL: the rule says so with {@code @soft}.</li>
 * </ul>
 */
final class TaskPattern {
    private TaskPattern() {}

    /** What the figure is: a count of things done in the period, or a stock standing on a date. */
    enum Kind { COUNT, STOCK }

    static Verdict evaluate(Call c, Expr x, Kind kind, String asOf, String period) {
        Bound b = c.boundFor(c.entity());
        if (b == null) return c.noBoundForStage();
        Limit target = c.limit(b);
        BoundResolver.Setting dateSetting = BoundResolver.setting(c, asOf), periodSetting = BoundResolver.setting(c, period);
        List<Metric> evidence = new ArrayList<>(target.evidence());
        evidence.addAll(dateSetting.evidence());
        evidence.addAll(periodSetting.evidence());
        Verdict.Builder out = c.verdict(Status.PASS).bound(target.text());
        LocalDate date = Dates.parse(dateSetting.text(), c.year());
        if (date == null) {
            return out.status(Status.INSUFFICIENT_DATA).evidence(evidence).missing(List.of("评估日期（“" + dateSetting.text() + "”无法识别）"))
                    .missingValues(setting(c, dateSetting, "应写成 06-30 或 " + c.year() + "-06-30"))
                    .message("评估日期“" + dateSetting.text() + "”无法识别" + dateSetting.where() + "，应写成 06-30 或 " + c.year() + "-06-30").build();
        }
        TaskPeriod p = TaskPeriod.parse(periodSetting.text(), c.year());
        if (p == null) {
            String how = "应写成 12-31、" + c.year() + "-12-31 或 " + c.year() + "—" + (c.year() + 2) + "年";
            return out.status(Status.INSUFFICIENT_DATA).evidence(evidence).missing(List.of("任务期限（“" + periodSetting.text() + "”无法识别）"))
                    .missingValues(setting(c, periodSetting, how))
                    .message("任务期限“" + periodSetting.text() + "”无法识别" + periodSetting.where() + "，" + how).build();
        }
        String periodText = "任务期限 " + p.describe() + "（至" + Messages.date(p.end()) + "）";
        out.bound(target.text() + "，" + periodText);
        if (!p.covers(c.year()) || date.isBefore(p.start())) {
            return out.status(Status.NOT_APPLICABLE).evidence(evidence).formula(periodText)
                    .message("不适用：" + periodText + "，评估日期" + Messages.date(date) + "不在任务期限内").build();
        }
        Figure f = kind == Kind.COUNT ? count(c, x, p) : stock(c, x, p);
        evidence.addAll(f.evidence());
        if (f.value() == null || target.number() == null) {
            List<String> missing = Value.concatAll(f.missing(), target.missing());
            return out.status(Status.INSUFFICIENT_DATA).evidence(evidence).missing(missing).missingValues(Value.concatAll(f.gaps(), target.gaps()))
                    .formula(f.shown() + "；目标：" + target.text() + "；" + periodText)
                    .message("数据不足：缺少 " + String.join("、", missing)).build();
        }
        String unit = f.unit() != null ? f.unit() : b.unit(); // the bound's unit when the cells carry none
        String name = x.name() != null ? Messages.counted(x.name(), unit) : c.quantity();
        return new Judgement(c, b.op(), kind, target, f, name, unit, p, date, periodText, evidence, out).verdict();
    }

    /** A setting that could not be read, as a value to correct in the 参数 sheet. */
    private static List<MissingValue> setting(Call c, BoundResolver.Setting s, String how) {
        return s.param() == null ? List.of() : List.of(new MissingValue(c.entity().getCode(), MissingValue.PARAMETER_SHEET, s.param(), null, List.of(), how));
    }

    /** The figure judged: its number (null: missing), the formula, the cells; for a stock, where it stood before the period. */
    private record Figure(BigDecimal value, String unit, String shown, List<Metric> evidence, List<String> missing, List<MissingValue> gaps,
                          Value before) {}

    /** A count over the years of the period up to the evaluated one: each year's figure is that year's. */
    private static Figure count(Call c, Expr x, TaskPeriod p) {
        BigDecimal sum = BigDecimal.ZERO;
        String unit = null;
        List<Metric> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>(), parts = new ArrayList<>();
        List<MissingValue> gaps = new ArrayList<>();
        for (int y = p.start().getYear(); y <= c.year(); y++) {
            Value v = x.eval(c.facts(), c.entity(), y);
            evidence.addAll(v.evidence());
            missing.addAll(v.missing());
            gaps.addAll(v.gaps());
            parts.add(y + "年 " + v.shown());
            if (v.present()) { sum = sum.add(v.number()); unit = v.unit(); }
        }
        String shown = parts.size() == 1 ? parts.get(0) : String.join(" + ", parts) + (missing.isEmpty() ? " = " + Fmt.num(sum, unit) : "");
        return new Figure(missing.isEmpty() ? sum : null, unit, shown, evidence, missing, gaps, null);
    }

    /** A stock on the evaluation date, with where it stood at the end of the year before the period (for the interim check). */
    private static Figure stock(Call c, Expr x, TaskPeriod p) {
        Value now = x.eval(c.facts(), c.entity(), c.year());
        Value before = x.eval(c.facts(), c.entity(), p.start().getYear() - 1);
        return new Figure(now.present() ? now.number() : null, now.unit(), c.year() + "年 " + now.shown(), now.evidence(), now.missing(), now.gaps(), before);
    }

    /** The comparison once every figure is there. */
    private record Judgement(Call c, Op op, Kind kind, Limit target, Figure f, String name, String unit, TaskPeriod p,
                             LocalDate date, String periodText, List<Metric> evidence, Verdict.Builder out) {
        Verdict verdict() {
            BigDecimal t = target.number(), share = p.share(date);
            boolean up = op == Op.GE || op == Op.GT;
            out.observed(f.value(), Fmt.value(f.value(), unit));
            String done = "截至" + Messages.date(date) + "，" + name + " " + Fmt.value(f.value(), unit);
            if (share.compareTo(BigDecimal.ONE) == 0 || (kind == Kind.COUNT && !up)) {
                // by the deadline, and a ceiling (停止审批 …) on every day, the target as written
                out.limit(t).formula(f.shown() + "；目标：" + target.text() + "；" + periodText
                        + (share.compareTo(BigDecimal.ONE) == 0 ? "" : "（“" + target.text() + "”的要求任何时点都须满足，不按时间进度折算）"));
                return judge(op.test(f.value(), t), t, op, done, target.shown(), up);
            }
            String shareText = "时间进度 " + pct(share) + "（" + p.daysGone(date) + "/" + p.days() + " 天，截至" + Messages.date(date) + "）";
            BigDecimal required;
            String how;
            if (kind == Kind.COUNT) {
                required = t.multiply(share, MathContext.DECIMAL128);
                how = "目标 " + Fmt.value(t, unit) + " × " + pct(share);
            } else {
                Value before = f.before();
                evidence.addAll(before.evidence());
                String start = (p.start().getYear() - 1) + "年末";
                if (!before.present()) {
                    if (op.test(f.value(), t)) { // already where the deadline asks: the start is not needed
                        out.limit(t).formula(f.shown() + "；目标：" + target.text() + "；" + periodText);
                        return judge(true, t, op, done, target.shown(), up);
                    }
                    return out.status(Status.INSUFFICIENT_DATA).evidence(evidence).missing(before.missing()).missingValues(before.gaps())
                            .formula(f.shown() + "；" + shareText)
                            .message("数据不足：缺少 " + String.join("、", before.missing()) + "（" + start + "的起点，用于计算期限前的时间进度要求）").build();
                }
                BigDecimal s0 = before.number();
                boolean moving = up ? s0.compareTo(t) < 0 : s0.compareTo(t) > 0;
                required = moving ? s0.add(t.subtract(s0).multiply(share, MathContext.DECIMAL128)) : t;
                how = start + " " + Fmt.value(s0, unit) + (moving ? " 向目标 " + Fmt.value(t, unit) + " 推进 " + pct(share) : "，已达到目标");
            }
            Op interim = up ? Op.GE : Op.LE;
            // a whole count against a pro-rated requirement: at least 114.37 所 is at least 115 所, at most 5.03 所 at most 5 所
            BigDecimal whole = whole(required, up);
            String requiredText = (up ? "应至少 " : "应至多 ") + Fmt.value(whole, unit);
            out.limit(required).bound(requiredText + "（" + shareText + "；" + how + "）；目标：" + target.text() + "，" + periodText)
                    .formula(f.shown() + "；" + shareText + "，" + requiredText + "（" + how + "）");
            boolean ok = interim.test(f.value(), required);
            String said = done + "，" + (ok ? "达到" : "未达到") + "“时间过半、任务过半”的进度要求（" + requiredText + "：" + how + "）";
            return judge(ok, whole, interim, said, null, up);
        }

        /** {@code target}: the target's words for a finding at the deadline (150 所), or null for the interim check. */
        private Verdict judge(boolean ok, BigDecimal limit, Op cmp, String said, String targetShown, boolean up) {
            out.evidence(evidence);
            String message = targetShown == null ? said
                    : up ? said + "，" + (ok ? "完成 " : "未完成 ") + targetShown + Messages.of(targetShown) + "目标"
                    : said + (ok ? "，达到目标（" + target.text() + "）" : "，目标为 " + targetShown);
            if (!ok) {
                boolean over = f.value().compareTo(limit) > 0;
                return out.status(Status.FAIL).message(message + "，" + (over ? "超出 " : "差 ") + Fmt.value(limit.subtract(f.value()).abs(), unit)).build();
            }
            Status s = c.narrow(f.value(), limit, cmp) ? Status.WARN : Status.PASS;
            return out.status(s).message(message + c.warnText(s, unit)).build();
        }

        /** A requirement said in whole units where the figure is a whole count: up to the next whole one for at least, down for at most. */
        private BigDecimal whole(BigDecimal required, boolean up) {
            if (f.value().stripTrailingZeros().scale() > 0 || required.stripTrailingZeros().scale() <= 0) return required;
            return required.setScale(0, up ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }

        private static String pct(BigDecimal share) {
            return Fmt.value(share.movePointRight(2).setScale(2, RoundingMode.HALF_UP), "%");
        }
    }
}
