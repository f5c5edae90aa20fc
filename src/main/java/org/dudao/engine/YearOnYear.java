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
 * Patterns that compare this year with last year: no-decrease, no-rebound, change-by (absolute and relative).
 * Compared at the precision the figures were published at ({@link Precision}). Called through {@link Patterns}.
 */
final class YearOnYear {
    private YearOnYear() {}

    /**
     * no-decrease: this year's value against last year's with the comparison of {@code @bound}:
     * {@code >= 上年} (只增不减: a tie passes) or {@code > 上年} (增长, 逐步增长, 稳中有进: a tie is what
     * {@code @tie} says, else 不达标). Compared at the precision the figures were published at ({@link Precision}).
     */
    static Verdict noDecrease(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(kc, e, x, Op.GE);
    }

    /** no-rebound: this year's value ≤ last year's (防止反弹), or {@code < 上年} (持续压减, 下降), as no-decrease. */
    static Verdict noRebound(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(kc, e, x, Op.LE);
    }

    /**
     * change-by, absolute: this year's value minus last year's against the bound
     * ({@code @bound(">= 150 元")}: 义务教育生均公用经费 up by at least 150 元).
     */
    static Verdict changeBy(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        YearPair p = pair(c, x, "");
        if (p.missing() != null) return p.missing();
        Precision.Pair at = Precision.of(p.now(), p.before());
        String unit = p.now().unit(), note = at.said(unit, c.year() + "年", (c.year() - 1) + "年");
        BigDecimal change = at.a().subtract(at.b());
        Bound bound = c.meta().bound();
        Limit l = c.limit(bound);
        String formula = c.year() + "年 " + x.describe() + " − " + (c.year() - 1) + "年：" + p.now().shown() + "（" + c.year() + "年）− "
                + p.before().shown() + "（" + (c.year() - 1) + "年）= " + Fmt.num(change, unit) + "，要求变化 " + l.text() + note;
        Verdict.Builder b = c.verdict(Status.PASS).observed(change, Messages.signed(change, unit)).evidence(Value.concat(p.evidence(), l.evidence()))
                .formula(formula).bound(l.text()).limit(l.number());
        if (l.number() == null) return b.status(Status.INSUFFICIENT_DATA).missing(l.missing()).message("数据不足：缺少 " + String.join("、", l.missing())).build();
        String said = c.year() + "年比上年" + (change.signum() >= 0 ? "增加 " : "减少 ") + Fmt.difference(change.abs(), unit);
        if (c.strictTie(change, l.number(), bound.op())) {
            return b.status(c.tie()).message(said + "，恰好等于要求的变化（" + l.text() + "）" + c.tieText("恰好等于界值") + note).build();
        }
        if (!bound.op().test(change, l.number())) {
            return b.status(Status.FAIL).message(said + "，未达到要求（变化 " + l.text() + "）" + note).build();
        }
        Status s = c.narrow(change, l.number(), bound.op()) ? Status.WARN : Status.PASS;
        return b.status(s).message(said + "，满足 变化 " + l.text() + c.warnText(s) + note).build();
    }

    /**
     * change-by, relative: this year's value against a share of last year's
     * ({@code @bound("<= 90%")}: accidents at most 90% of last year's, a drop of 10% or more).
     * Compared as value(y) op p × value(y−1), so a zero last year needs no division.
     */
    static Verdict changeRatio(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        YearPair p = pair(c, x, "");
        if (p.missing() != null) return p.missing();
        Precision.Pair at = Precision.of(p.now(), p.before());
        String unit = p.now().unit(), note = at.said(unit, c.year() + "年", (c.year() - 1) + "年");
        BigDecimal now = at.a(), before = at.b();
        Op op = c.meta().bound().op();
        Limit l = c.limit(c.meta().bound());
        Verdict.Builder b = c.verdict(Status.PASS).observed(now, Fmt.num(now, unit))
                .evidence(Value.concat(p.evidence(), l.evidence())).bound(l.text());
        if (l.number() == null) return b.status(Status.INSUFFICIENT_DATA).missing(l.missing()).message("数据不足：缺少 " + String.join("、", l.missing())).build();
        BigDecimal allowed = before.multiply(l.number()).movePointLeft(2);
        b.limit(allowed).formula(c.year() + "年 " + x.describe() + " " + op.symbol() + " " + Fmt.num(l.number()) + "% × "
                + (c.year() - 1) + "年：" + p.now().shown() + "；" + p.before().shown() + "（" + (c.year() - 1) + "年）× " + Fmt.num(l.number())
                + "% = " + Fmt.num(allowed, unit) + note);
        String change = before.signum() == 0 ? "上年为 0"
                : "比上年" + (now.compareTo(before) <= 0 ? "下降 " : "上升 ")
                + Fmt.num(now.subtract(before).abs().movePointRight(2).divide(before, MathContext.DECIMAL128)) + "%";
        String said = c.year() + "年 " + Fmt.num(now, unit) + "，" + (c.year() - 1) + "年 " + Fmt.num(before, unit) + "（" + change + "）";
        String of = "上年的 " + Fmt.num(l.number()) + "%（" + Fmt.num(allowed, unit) + "）";
        if (c.strictTie(now, allowed, op)) return b.status(c.tie()).message(said + "，恰好等于" + of + c.tieText("恰好等于界值") + note).build();
        if (!op.test(now, allowed)) return b.status(Status.FAIL).message(said + "，" + op.failWord() + of + note).build();
        Status s = c.narrow(now, allowed, op) ? Status.WARN : Status.PASS;
        return b.status(s).message(said + "，满足 " + op.symbol() + " " + of + c.warnText(s) + note).build();
    }

    private static Verdict yearOnYear(RuleContext kc, Entity e, Expr x, Op direction) {
        Call c = Call.of(kc, e);
        int y = c.year();
        Bound bound = c.meta().bound();
        Op op = bound.previousYear() ? bound.op() : direction;
        ForStage stage = x instanceof ForStage f ? f : null;
        YearPair p = pair(c, x, stage == null ? "" : "（本地区没有" + stage.label() + "时，请将“" + stage.enrolment() + "”填为 0）");
        if (p.missing() != null) {
            String now = stage == null ? null : stage.absent(c.facts(), e, y), before = stage == null ? null : stage.absent(c.facts(), e, y - 1);
            Verdict.Builder na = now == null && before == null ? null
                    : c.verdict(Status.NOT_APPLICABLE).evidence(stage.enrolments(c.facts(), e, y, y - 1));
            if (now != null) return na.message("不适用：本地区" + y + "年没有" + stage.label() + "（" + now + "）").build();
            if (before != null) return na.message("不适用：本地区" + (y - 1) + "年没有" + stage.label() + "（" + before + "），无法与上年比较").build();
            return p.missing();
        }
        Precision.Pair at = Precision.of(p.now(), p.before());
        BigDecimal now = at.a(), before = at.b();
        String unit = p.now().unit(), note = at.said(unit, c.year() + "年", (c.year() - 1) + "年");
        String formula = y + "年 " + x.describe() + " " + op.symbol() + " " + (y - 1) + "年";
        String shownNow = y + "年 " + Fmt.num(now, unit);
        String shownBefore = (y - 1) + "年 " + Fmt.num(before, unit);
        BigDecimal change = now.subtract(before);
        String changeText = change.signum() == 0 ? "持平" : (change.signum() > 0 ? "增加 " : "减少 ") + Fmt.difference(change.abs(), unit);
        Verdict.Builder b = c.verdict(Status.PASS).observed(now, Fmt.num(now, unit)).evidence(p.evidence()).limit(before)
                .formula(formula + "：" + p.now().shown() + "（" + y + "年）；" + p.before().shown() + "（" + (y - 1) + "年）" + note);
        if (c.strictTie(now, before, op)) {
            return b.status(c.tie()).message(shownNow + "，与 " + shownBefore + " 持平，未" + (op == Op.GT ? "增长" : "下降")
                    + "（要求 " + op.symbol() + " 上年）" + c.tieText("持平") + note).build();
        }
        if (!op.test(now, before)) {
            return b.status(Status.FAIL).message(shownNow + "，" + op.failWord() + " " + shownBefore + "（" + changeText + "）" + note).build();
        }
        Status s = c.narrow(now, before, op) ? Status.WARN : Status.PASS;
        return b.status(s).message(shownNow + " " + op.symbol() + " " + shownBefore + "（" + changeText + "）" + c.warnText(s) + note).build();
    }

    /** This year's and last year's value of an expression, or the INSUFFICIENT_DATA verdict when either is missing. */
    record YearPair(Value now, Value before, List<Metric> evidence, Verdict missing) {}

    /** This year's and last year's value; when either is missing, the INSUFFICIENT_DATA verdict, its message ending in {@code hint}. */
    static YearPair pair(Call c, Expr x, String hint) {
        Value now = x.eval(c.facts(), c.entity(), c.year());
        Value before = x.eval(c.facts(), c.entity(), c.year() - 1);
        List<Metric> evidence = Value.concat(now.evidence(), before.evidence());
        if (now.present() && before.present()) return new YearPair(now, before, evidence, null);
        List<String> missing = Value.concatMissing(now.missing(), before.missing());
        Verdict v = c.verdict(Status.INSUFFICIENT_DATA).observed(now.number(), now.present() ? Fmt.num(now.number(), now.unit()) : null)
                .evidence(evidence).missing(missing).formula(c.year() + "年 " + x.describe() + "；" + (c.year() - 1) + "年 " + x.describe())
                .message("数据不足：缺少 " + String.join("、", missing) + hint).build();
        return new YearPair(now, before, evidence, v);
    }
}
