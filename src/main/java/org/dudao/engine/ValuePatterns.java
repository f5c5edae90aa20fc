package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.MissingValue;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Patterns that compare one value with the bound: threshold, zero, conditional and target-progress, and the
 * comparison the others share. Called through {@link Patterns}, where rules find them.
 */
final class ValuePatterns {
    private static final String STANDARD = "标准", TARGET = "目标";

    private ValuePatterns() {}

    /** threshold: a value against {@code @bound}; for a school, the part of a compound bound for its 学段. */
    static Verdict threshold(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        return compare(c, x, x.eval(c.facts(), e, c.year()), b, STANDARD).build();
    }

    /** threshold against another expression: {@code @bound(">= 财政经常性收入增长率")} with the limit computed. */
    static Verdict threshold(RuleContext kc, Entity e, Expr x, Expr limit) {
        Call c = Call.of(kc, e);
        Value lv = limit.eval(c.facts(), e, c.year());
        Bound b = c.meta().bound();
        Value v = x.eval(c.facts(), e, c.year());
        // two growth rates are compared at the precision they are published at, as a year-on-year comparison
        Precision.Pair at = v.present() && lv.present() ? Precision.of(v, lv) : null;
        BigDecimal ln = lv.present() ? (at == null ? lv.number() : at.b()) : null;
        String name = limit.name() != null ? limit.name() : limit.describe();
        String words = StandardWords.words(b, c.pattern(), null, null);
        // the limit's figure in brackets: “高于财政经常性收入增长率 10%” could be read as “by 10 %”
        String value = ln == null ? "" : "（" + Fmt.value(ln, lv.unit()) + "）";
        Limit l = new Limit(ln, words + value, name + value, lv.evidence(), lv.missing(), lv.gaps());
        String note = at == null ? "" : at.said(v.unit(), c.year() + "年", (c.year() - 1) + "年");
        return compare(c, x, at == null ? v : v.at(at.a()), b, l, "", note).build();
    }

    /** zero: a count that must be 0 (清零, 消除): {@code @bound("= 0")}; the units still counted are named. */
    static Verdict zero(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        Value v = x.eval(c.facts(), e, c.year());
        if (b.op() != Op.EQ || b.number() == null || b.number().signum() != 0 || !v.present()) return compare(c, x, v, b, STANDARD).build();
        String phrase = c.meta().indicator().name().contains("动态清零") ? "动态清零" : "清零";
        String count = Fmt.value(v.number(), v.unit());
        String quantity = c.quantity();
        VerdictBuilder out = (VerdictBuilder) c.verdict(Status.PASS).observed(v.number(), count).limit(BigDecimal.ZERO)
                .evidence(v.evidence()).children(v.children(), v.childCount());
        out.formulaText(v.shown() + "；标准：" + phrase);
        if (v.number().signum() != 0) {
            return out.status(Status.FAIL).message(Messages.notCleared(quantity, count, phrase, Messages.childList(v.named()))).build();
        }
        return out.message(Messages.cleared(quantity, count, phrase)).build();
    }

    /**
     * conditional: applies only where the condition holds; NOT_APPLICABLE saying which condition did
     * not hold otherwise, INSUFFICIENT_DATA when the condition cannot be decided.
     */
    static Verdict conditional(RuleContext kc, Entity e, Condition when, Expr x) {
        Call c = Call.of(kc, e);
        Value cv = when.expr().eval(c.facts(), e, c.year());
        Limit cl = c.limit(when.bound(), cv.unit());
        String metric = when.expr().name() != null ? when.expr().name() : when.expr().describe();
        String condition = cl.number() == null ? metric + " " + cl.text()
                : Messages.condition(metric, new Bound(when.bound().op(), cl.number(), when.bound().unit() != null ? when.bound().unit() : cv.unit(),
                        null, false, "", null, false, List.of(), null));
        if (!cv.present() || cl.number() == null) {
            List<String> missing = Value.concatAll(cv.missing(), cl.missing());
            return c.verdict(Status.INSUFFICIENT_DATA).observed(null, null).evidence(Value.concat(cv.evidence(), cl.evidence())).missing(missing)
                    .missingValues(Value.concatAll(cv.gaps(), cl.gaps())).formula("适用条件：" + condition)
                    .message("无法判断是否适用（适用条件：" + condition + "）：缺少 " + String.join("、", missing)).build();
        }
        String subject = metric + " " + Fmt.value(cv.number(), cv.unit());
        if (!when.bound().op().test(cv.number(), cl.number())) {
            return c.verdict(Status.NOT_APPLICABLE).observed(null, null).evidence(cv.evidence()).formula("适用条件：" + condition)
                    .message(Messages.notApplicable(subject, condition)).build();
        }
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        VerdictBuilder out = compare(c, x, x.eval(c.facts(), e, c.year()), b, STANDARD);
        return out.evidence(Value.concat(cv.evidence(), out.evidenceSoFar()))
                // the metric said once: 适用条件成立：随班就读学生数 7 人（5 人及以上）
                .formula("适用条件成立：" + subject + "（" + condition.substring(metric.length()).strip() + "）；" + out.formulaText()).build();
    }

    /** target-progress: a counted achievement against a target in {@code @bound}; the formula gives the share of the target reached. */
    static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved) {
        Call c = Call.of(kc, e);
        Value v = achieved.eval(c.facts(), e, c.year());
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        Limit l = c.limit(b, v.unit());
        VerdictBuilder out = compare(c, achieved, v, b, l, TARGET, "");
        if (v.present() && l.number() != null && l.number().signum() > 0) {
            BigDecimal progress = v.number().movePointRight(2).divide(l.number(), 2, RoundingMode.HALF_UP);
            out.formulaText(out.formulaText() + "；完成目标的 " + Fmt.value(progress, "%"));
        }
        return out.build();
    }

    /**
     * target-progress pro-rated by date (双过半): achieved / target ≥ the share of the year elapsed
     * on the assessment date, {@code "{PLAN-01评估日期|06-30}"} ({@code @bound(">= 时间进度")}).
     */
    static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved, Expr target, String asOf) {
        Call c = Call.of(kc, e);
        BoundResolver.Setting asOfSetting = BoundResolver.setting(c, asOf);
        List<Metric> evidence = new ArrayList<>(asOfSetting.evidence());
        LocalDate date = Dates.parse(asOfSetting.text(), c.year());
        Value share = Expr.shareOf(achieved, target).eval(c.facts(), e, c.year());
        evidence.addAll(share.evidence());
        Op op = c.meta().bound().op();
        Verdict.Builder out = c.verdict(Status.PASS).evidence(evidence);
        if (date == null) {
            String param = asOfSetting.param();
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of("评估日期（“" + asOfSetting.text() + "”无法识别）"))
                    .missingValues(param == null ? List.of() : List.of(new MissingValue(e.getCode(), MissingValue.PARAMETER_SHEET, param, null,
                            List.of(), "应写成 06-30 或 " + c.year() + "-06-30")))
                    .message("评估日期“" + asOfSetting.text() + "”无法识别" + asOfSetting.where() + "，应写成 06-30 或 " + c.year() + "-06-30").build();
        }
        BigDecimal elapsed = BigDecimal.valueOf(date.getDayOfYear()).movePointRight(2)
                .divide(BigDecimal.valueOf(date.lengthOfYear()), MathContext.DECIMAL128);
        String timeText = "时间进度 " + Fmt.value(elapsed, "%") + "（截至" + Messages.date(date) + "）";
        out.bound(StandardWords.op(op) + timeText).limit(elapsed);
        if (!share.present()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(share.missing()).missingValues(share.gaps())
                    .formula(share.shown() + "；标准：" + StandardWords.op(op) + timeText)
                    .message("数据不足：缺少 " + String.join("、", share.missing())).build();
        }
        String progress = Fmt.beside(share.number(), elapsed, "%");
        out.observed(share.number(), progress)
                .formula("任务完成进度 " + share.shown() + " = " + progress + "；标准：" + StandardWords.op(op) + timeText);
        String subject = Messages.subject("任务完成进度", progress, Messages.inputs(share.evidence()));
        if (!op.test(share.number(), elapsed)) {
            return out.status(Status.FAIL).message(Messages.misses(subject, op, false, timeText, "", Messages.gap(share.number(), elapsed, "%"))).build();
        }
        Status s = c.narrow(share.number(), elapsed, op) ? Status.WARN : Status.PASS;
        return out.status(s).message(subject + "，" + StandardWords.op(op) + timeText + c.warnText(s, "%")).build();
    }

    // ---- the comparison of a value with a bound ------------------------------------------------------

    static Verdict compare(Call c, Expr x, Value v, Bound bound) { return compare(c, x, v, bound, STANDARD).build(); }

    static VerdictBuilder compare(Call c, Expr x, Value v, Bound bound, String noun) {
        return compare(c, x, v, bound, c.limit(bound, v.unit()), noun, "");
    }

    /**
     * The comparison of a value with a bound, as a finding says it: the value (and the figures it was computed
     * from), then 达标 with the standard, or how far short of it; {@code note} (how the two were rounded) ends the
     * formula and message.
     */
    static VerdictBuilder compare(Call c, Expr x, Value v, Bound bound, Limit lim, String noun, String note) {
        VerdictBuilder b = (VerdictBuilder) c.verdict(Status.PASS);
        List<Metric> evidence = Value.concat(v.evidence(), lim.evidence());
        BigDecimal limit = lim.number();
        String unit = v.unit();
        boolean perPerson = Fmt.PER_PERSON.equals(unit);
        String ownWords = StandardWords.ownWords(bound, c.pattern(), c.meta().indicator().name());
        String standard = ownWords != null ? ownWords : lim.text();
        b.evidence(evidence).children(v.children(), v.childCount()).bound(standard).limit(limit);
        String observed = !v.present() ? null : bound.isYesNo() ? (v.number().signum() != 0 ? "是" : "否") : Fmt.beside(v.number(), limit, unit);
        b.observed(v.number(), observed);
        if (!v.present() || limit == null) {
            List<String> missing = Value.concatAll(v.missing(), lim.missing());
            b.formulaText(v.shown() + "；标准：" + standard);
            return (VerdictBuilder) b.status(Status.INSUFFICIENT_DATA).missing(missing).missingValues(Value.concatAll(v.gaps(), lim.gaps()))
                    .message("数据不足：缺少 " + String.join("、", missing));
        }
        String name = x.name() != null ? Messages.counted(x.name(), unit) : c.quantity();
        b.formulaText((v.derived() ? v.shown() + " = " + observed : v.shown()) + "；标准：" + standard + note);
        if (bound.isYesNo()) {
            if (!bound.op().test(v.number(), limit)) return (VerdictBuilder) b.status(Status.FAIL).message(Messages.notYes(name, observed, standard, ownWords != null));
            return (VerdictBuilder) b.message(name + "为“" + observed + "”，达标");
        }
        String subject = Messages.subject(name, observed, v.derived() ? Messages.inputs(v.evidence()) : "");
        String shortOf = Messages.misses(subject, bound.op(), perPerson, lim.shown(), bound.metric() != null ? "" : noun,
                perPerson ? "" : Messages.gap(v.number(), limit, unit));
        if (c.strictTie(v.number(), limit, bound.op()) && c.tie() != Status.FAIL) {
            return (VerdictBuilder) b.status(c.tie()).message(shortOf + c.tieText("恰好等于" + noun) + note);
        }
        if (!bound.op().test(v.number(), limit)) {
            Limit tol = c.tolerance();
            if (v.children().isEmpty() && c.within(v.number(), limit, tol)) {
                b.evidence(Value.concat(evidence, tol.evidence()));
                return (VerdictBuilder) b.status(Status.WARN).message(shortOf + Messages.tolerated(tol.number(), unit) + note);
            }
            String children = v.children().isEmpty() ? "" : "：" + Messages.childList(v.named());
            return (VerdictBuilder) b.status(Status.FAIL).message(shortOf + children + note);
        }
        Status s = c.narrow(v.number(), limit, bound.op()) ? Status.WARN : Status.PASS;
        return (VerdictBuilder) b.status(s).message(Messages.meets(subject, lim.text()) + c.warnText(s, unit) + note);
    }
}
