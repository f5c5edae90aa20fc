package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Stage;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Patterns that compare one value with the bound: threshold, zero, conditional and target-progress, and the
 * comparison the others share. Called through {@link Patterns}, where rules find them.
 */
final class ValuePatterns {
    private ValuePatterns() {}

    /**
     * threshold: a value (or ratio) against the bound in {@code @bound}: a number, 是/否, another
     * metric, a parameter; for a school, the part of a compound bound for its 学段.
     */
    static Verdict threshold(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        return compare(c, x.eval(c.facts(), e, c.year()), b);
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
        String note = at == null ? "" : at.said(v.unit(), x.describe(), limit.describe());
        VerdictBuilder out = compareBuilder(c, at == null ? v : v.at(at.a()), b, new Limit(ln,
                b.op().symbol() + " " + lv.shown() + (lv.present() && lv.derived() ? " = " + Fmt.num(ln, lv.unit()) : ""),
                lv.evidence(), lv.missing()), note);
        return out.build();
    }

    /** zero: a count that must be 0 (清零, 消除); the bound in {@code @bound} is {@code = 0}. */
    static Verdict zero(RuleContext kc, Entity e, Expr x) {
        return threshold(kc, e, x);
    }

    /**
     * conditional: applies only where the condition holds; NOT_APPLICABLE saying which condition did
     * not hold otherwise, INSUFFICIENT_DATA when the condition cannot be decided.
     */
    static Verdict conditional(RuleContext kc, Entity e, Condition when, Expr x) {
        Call c = Call.of(kc, e);
        Value cv = when.expr().eval(c.facts(), e, c.year());
        Limit cl = c.limit(when.bound());
        String condText = when.expr().describe() + " " + cl.text();
        if (!cv.present() || cl.number() == null) {
            List<String> missing = Value.concatMissing(cv.missing(), cl.missing());
            return c.verdict(Status.INSUFFICIENT_DATA).observed(null, null).evidence(Value.concat(cv.evidence(), cl.evidence())).missing(missing)
                    .formula("适用条件：" + condText)
                    .message("无法判断是否适用（条件：" + condText + "）：缺少 " + String.join("、", missing)).build();
        }
        if (!when.bound().op().test(cv.number(), cl.number())) {
            return c.verdict(Status.NOT_APPLICABLE).observed(null, null).evidence(cv.evidence())
                    .formula("适用条件：" + condText)
                    .message("不适用：" + cv.shown() + "，不满足适用条件“" + condText + "”").build();
        }
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        Value v = x.eval(c.facts(), e, c.year());
        VerdictBuilder out = compareBuilder(c, v, b, c.limit(b));
        return out.evidence(Value.concat(cv.evidence(), out.evidenceSoFar()))
                .formula("适用条件 " + cv.shown() + " " + cl.text() + " 成立；" + out.formulaText()).build();
    }


    /**
     * target-progress: a counted achievement against a target set in {@code @bound} as a parameter
     * ({@code >= {KG-04目标数|200}}); the verdict gives the share of the target reached.
     */
    static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved) {
        Call c = Call.of(kc, e);
        Value v = achieved.eval(c.facts(), e, c.year());
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        Limit l = c.limit(b);
        VerdictBuilder out = compareBuilder(c, v, b, l);
        if (v.present() && l.number() != null && l.number().signum() > 0) {
            BigDecimal progress = v.number().movePointRight(2).divide(l.number(), 2, RoundingMode.HALF_UP);
            out.formulaText(out.formulaText() + "；完成目标的 " + Fmt.num(progress) + "%");
        }
        return out.build();
    }

    /**
     * target-progress pro-rated by date (双过半): achieved / target ≥ the share of the year elapsed
     * on the assessment date, {@code asOf("{PLAN-01评估日期|06-30}")} ({@code @bound(">= 时间进度")}).
     */
    static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved, Expr target, String asOf) {
        Call c = Call.of(kc, e);
        BoundResolver.Setting asOfSetting = BoundResolver.setting(c, asOf);
        String dateText = asOfSetting.text();
        String source = asOfSetting.source();
        List<Metric> evidence = new ArrayList<>(asOfSetting.evidence());
        LocalDate date = Dates.parse(dateText, c.year());
        Value a = achieved.eval(c.facts(), e, c.year()), t = target.eval(c.facts(), e, c.year());
        Value share = Expr.shareOf(achieved, target).eval(c.facts(), e, c.year());
        evidence.addAll(share.evidence());
        Verdict.Builder out = c.verdict(Status.PASS).evidence(evidence);
        if (date == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of("评估日期（“" + dateText + "”无法识别）"))
                    .message("评估日期“" + dateText + "”无法识别（" + source + "），应写成 06-30 或 " + c.year() + "-06-30").build();
        }
        BigDecimal elapsed = BigDecimal.valueOf(date.getDayOfYear()).movePointRight(2)
                .divide(BigDecimal.valueOf(date.lengthOfYear()), MathContext.DECIMAL128);
        String timeText = "时间进度 " + Fmt.num(elapsed.setScale(2, RoundingMode.HALF_UP)) + "%（截至 " + date + "，" + source + "）";
        out.bound(c.meta().bound().op().symbol() + " " + timeText).limit(elapsed);
        if (!share.present()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(share.missing()).formula(share.shown() + "，要求 " + timeText)
                    .message("数据不足：缺少 " + String.join("、", share.missing())).build();
        }
        out.observed(share.number(), Fmt.num(share.number()) + "%")
                .formula("任务进度 " + share.shown() + " = " + Fmt.num(share.number()) + "%，要求 " + c.meta().bound().op().symbol() + " " + timeText);
        String said = "任务进度 " + Fmt.num(a.number(), a.unit()) + " / " + Fmt.num(t.number(), t.unit()) + " = " + Fmt.num(share.number()) + "%";
        if (!c.meta().bound().op().test(share.number(), elapsed)) {
            return out.status(Status.FAIL).message(said + "，" + c.meta().bound().op().failWord() + timeText).build();
        }
        Status s = c.narrow(share.number(), elapsed, c.meta().bound().op()) ? Status.WARN : Status.PASS;
        return out.status(s).message(said + "，不低于" + timeText + c.warnText(s)).build();
    }

    static Verdict compare(Call c, Value v, Bound bound) { return compareBuilder(c, v, bound, c.limit(bound)).build(); }

    static VerdictBuilder compareBuilder(Call c, Value v, Bound bound, Limit lim) { return compareBuilder(c, v, bound, lim, ""); }

    /** The comparison of a value with a bound; {@code note} (how the two were rounded) ends the formula and message. */
    static VerdictBuilder compareBuilder(Call c, Value v, Bound bound, Limit lim, String note) {
        VerdictBuilder b = (VerdictBuilder) c.verdict(Status.PASS);
        List<Metric> evidence = new ArrayList<>(v.evidence());
        evidence.addAll(lim.evidence());
        List<String> missing = new ArrayList<>(v.missing());
        missing.addAll(lim.missing());
        BigDecimal limit = lim.number();
        String limitText = lim.text();
        if (c.meta().bound().isCompound()) {
            String label = c.entity().getKind().isRegion() ? c.entity().getLevel() : c.entity().getStage();
            limitText = (label == null ? "" : label + " ") + limitText;
        }
        b.evidence(evidence).children(v.children()).bound(limitText).limit(limit);
        // shown with as many decimals as it takes not to look equal to a bound it is not equal to
        String observedText = !v.present() ? null : Messages.withUnit(Messages.beside(v.number(), limit), v.unit());
        b.observed(v.number(), observedText);
        if (!v.present() || limit == null) {
            b.formulaText(v.shown() + " " + limitText);
            return (VerdictBuilder) b.status(Status.INSUFFICIENT_DATA).missing(missing)
                    .message("数据不足：缺少 " + String.join("、", missing));
        }
        String shown = v.derived() ? v.shown() + " = " + observedText : v.shown();
        b.formulaText(shown + "，要求 " + limitText + note);
        if (!bound.isYesNo() && c.strictTie(v.number(), limit, bound.op()) && c.tie() != Status.FAIL) {
            return (VerdictBuilder) b.status(c.tie()).message(shown + "，恰好等于界值（要求 " + limitText + "）" + c.tieText("恰好等于界值") + note);
        }
        if (!bound.op().test(v.number(), limit)) {
            Limit tol = c.tolerance();
            if (!bound.isYesNo() && v.children().isEmpty() && c.within(v.number(), limit, tol)) {
                b.evidence(Value.concat(evidence, tol.evidence()));
                return (VerdictBuilder) b.status(Status.WARN).message(shown + "，" + bound.op().failWord() + "要求（" + limitText + "）"
                        + Messages.toleranceText(v.number(), limit, v.unit(), tol) + note);
            }
            String gap = bound.isYesNo() ? "" : limit.compareTo(v.number()) == 0 ? "（恰好等于界值，不满足“" + bound.op().symbol() + "”）"
                    : "（差 " + Fmt.difference(limit.subtract(v.number()).abs(), v.unit()) + "）";
            if (!v.children().isEmpty()) gap = "：" + Messages.childList(v.children());
            return (VerdictBuilder) b.status(Status.FAIL).message(shown + "，" + (bound.isYesNo() ? "不满足 " + limitText
                    : bound.op().failWord() + "要求（" + limitText + "）") + gap + note);
        }
        Status s = !bound.isYesNo() && c.narrow(v.number(), limit, bound.op()) ? Status.WARN : Status.PASS;
        return (VerdictBuilder) b.status(s).message(shown + "，满足 " + limitText + c.warnText(s) + note);
    }
}
