package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * Patterns that compare this year with last year: no-decrease, no-rebound, change-by (absolute and relative).
 * Compared at the precision the figures were published at ({@link Precision}). Called through {@link Patterns}.
 */
final class YearOnYear {
    private YearOnYear() {}

    /** This year's and last year's value of an expression, or the INSUFFICIENT_DATA verdict when either is missing. */
    record YearPair(Value now, Value before, List<Metric> evidence, Verdict missing) {}

    /**
     * no-decrease: this year's value against last year's with the comparison of {@code @bound}:
     * {@code >= 上年} (只增不减: a tie passes) or {@code > 上年} (增长, 逐步增长, 稳中有进: a tie is what
     * {@code @tie} says, else 不达标).
     */
    static Verdict noDecrease(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(Call.of(kc, e), x, Op.GE);
    }

    /** no-rebound: this year's value ≤ last year's (防止反弹), or {@code < 上年} (持续压减, 下降), as no-decrease. */
    static Verdict noRebound(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(Call.of(kc, e), x, Op.LE);
    }

    /**
     * As {@link #noRebound(RuleContext, Entity, Expr)}, for a call in hand (whose parameters the verdict will name), from
     * this year's and last year's values of {@code x} already made, so that nothing is evaluated again.
     */
    static Verdict noRebound(Call c, Expr x, Value now, Value before) {
        return yearOnYear(c, x, Op.LE, now, before);
    }

    /**
     * change-by, absolute: this year's value minus last year's against the bound
     * ({@code @bound(">= 150 元")}: 义务教育生均公用经费 up by at least 150 元).
     */
    static Verdict changeBy(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        int y = c.year();
        YearPair p = pair(c, x, "");
        if (p.missing() != null) return p.missing();
        Precision.Pair at = Precision.of(p.now(), p.before());
        String unit = p.now().unit(), note = at.said(unit, y + "年", (y - 1) + "年");
        BigDecimal change = at.a().subtract(at.b());
        Bound bound = c.meta().bound();
        Limit l = c.limit(bound, unit);
        String formula = y + "年 " + x.describe() + " − " + (y - 1) + "年：" + p.now().shown() + "（" + y + "年）− "
                + p.before().shown() + "（" + (y - 1) + "年）= " + Fmt.value(change, unit) + "；标准：" + l.text() + note;
        Verdict.Builder b = c.verdict(Status.PASS).observed(change, Messages.signed(change, unit)).evidence(Value.concat(p.evidence(), l.evidence()))
                .formula(formula).bound(l.text()).limit(l.number());
        if (l.number() == null) {
            return b.status(Status.INSUFFICIENT_DATA).missing(l.missing()).missingValues(l.gaps())
                    .message("数据不足：缺少 " + String.join("、", l.missing())).build();
        }
        String name = name(c, x, unit), now = Fmt.value(at.a(), unit), said = Messages.change(change, unit);
        if (c.strictTie(change, l.number(), bound.op())) {
            return b.status(c.tie()).message(Messages.changeBy(name, now, said, false, l.text()) + c.tieText("恰好等于标准") + note).build();
        }
        if (!bound.op().test(change, l.number())) return b.status(Status.FAIL).message(Messages.changeBy(name, now, said, false, l.text()) + note).build();
        Status s = c.narrow(change, l.number(), bound.op()) ? Status.WARN : Status.PASS;
        return b.status(s).message(Messages.changeBy(name, now, said, true, l.text()) + c.warnText(s, unit) + note).build();
    }

    /**
     * change-by, relative: this year's value against a share of last year's
     * ({@code @bound("<= 90%")}: accidents at most 90% of last year's, a drop of 10% or more).
     * Compared as value(y) op p × value(y−1), so a zero last year needs no division.
     */
    static Verdict changeRatio(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        int y = c.year();
        YearPair p = pair(c, x, "");
        if (p.missing() != null) return p.missing();
        Precision.Pair at = Precision.of(p.now(), p.before());
        String unit = p.now().unit(), note = at.said(unit, y + "年", (y - 1) + "年");
        BigDecimal now = at.a(), before = at.b();
        Op op = c.meta().bound().op();
        Limit l = c.limit(c.meta().bound(), "%");
        Verdict.Builder b = c.verdict(Status.PASS).observed(now, Fmt.value(now, unit))
                .evidence(Value.concat(p.evidence(), l.evidence())).bound(l.text());
        if (l.number() == null) {
            return b.status(Status.INSUFFICIENT_DATA).missing(l.missing()).missingValues(l.gaps())
                    .message("数据不足：缺少 " + String.join("、", l.missing())).build();
        }
        BigDecimal allowed = before.multiply(l.number()).movePointLeft(2);
        b.limit(allowed).formula(y + "年 " + x.describe() + " " + op.symbol() + " " + (y - 1) + "年 × " + l.shown() + "：" + p.now().shown()
                + "（" + y + "年）；" + p.before().shown() + "（" + (y - 1) + "年）" + note);
        BigDecimal hundred = BigDecimal.valueOf(100);
        String target = l.number().compareTo(hundred) < 0 ? "下降 " + StandardWords.number(hundred.subtract(l.number()), "%") : l.text();
        String change = before.signum() == 0 ? "" : now.compareTo(before) == 0 ? "与上年持平" : Messages.rate(now, before, unit).substring(1);
        String name = name(c, x, unit), nowText = Fmt.value(now, unit), beforeText = Fmt.value(before, unit);
        if (c.strictTie(now, allowed, op)) {
            return b.status(c.tie()).message(Messages.changeRatio(name, nowText, beforeText, change, false, target) + c.tieText("恰好等于标准") + note).build();
        }
        if (!op.test(now, allowed)) return b.status(Status.FAIL).message(Messages.changeRatio(name, nowText, beforeText, change, false, target) + note).build();
        Status s = c.narrow(now, allowed, op) ? Status.WARN : Status.PASS;
        return b.status(s).message(Messages.changeRatio(name, nowText, beforeText, change, true, target) + c.warnText(s, unit) + note).build();
    }

    private static Verdict yearOnYear(Call c, Expr x, Op direction) {
        return yearOnYear(c, x, direction, x.eval(c.facts(), c.entity(), c.year()), x.eval(c.facts(), c.entity(), c.year() - 1));
    }

    private static Verdict yearOnYear(Call c, Expr x, Op direction, Value valueNow, Value valueBefore) {
        Entity e = c.entity();
        int y = c.year();
        Bound bound = c.meta().bound();
        Op op = bound.previousYear() ? bound.op() : direction;
        ForStage stage = x instanceof ForStage f ? f : null;
        YearPair p = pair(c, x, valueNow, valueBefore, stage == null ? "" : "（本地区没有" + stage.label() + "时，请将“" + stage.enrolment() + "”填为 0）");
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
        String unit = p.now().unit(), note = at.said(unit, y + "年", (y - 1) + "年");
        String formula = y + "年 " + x.describe() + " " + op.symbol() + " " + (y - 1) + "年：" + p.now().shown() + "（" + y + "年）；"
                + p.before().shown() + "（" + (y - 1) + "年）" + note;
        BigDecimal change = now.subtract(before);
        String name = name(c, x, unit), nowText = Fmt.value(now, unit), said = Messages.change(change, unit), rate = Messages.rate(now, before, unit);
        String phrase = StandardWords.yearOnYear(c.meta().indicator().name(), op);
        Verdict.Builder b = c.verdict(Status.PASS).observed(now, nowText).evidence(p.evidence()).limit(before).formula(formula);
        if (c.strictTie(now, before, op)) {
            return b.status(c.tie()).message(Messages.yearOnYear(name, nowText, said, rate, false, phrase) + c.tieText("持平") + note).build();
        }
        if (!op.test(now, before)) return b.status(Status.FAIL).message(Messages.yearOnYear(name, nowText, said, rate, false, phrase) + note).build();
        Status s = c.narrow(now, before, op) ? Status.WARN : Status.PASS;
        return b.status(s).message(Messages.yearOnYear(name, nowText, said, rate, true, phrase) + c.warnText(s, unit) + note).build();
    }

    /** What the figure is called: its own name (a count without its 数), else what the indicator's name says it is about. */
    private static String name(Call c, Expr x, String unit) {
        return x.name() != null ? Messages.counted(x.name(), unit) : c.quantity();
    }

    /** This year's and last year's value; when either is missing, the INSUFFICIENT_DATA verdict, its message ending in {@code hint}. */
    static YearPair pair(Call c, Expr x, String hint) {
        return pair(c, x, x.eval(c.facts(), c.entity(), c.year()), x.eval(c.facts(), c.entity(), c.year() - 1), hint);
    }

    /** As {@link #pair(Call, Expr, String)}, from the two values already made. */
    private static YearPair pair(Call c, Expr x, Value now, Value before, String hint) {
        List<Metric> evidence = Value.concat(now.evidence(), before.evidence());
        if (now.present() && before.present()) return new YearPair(now, before, evidence, null);
        List<String> missing = Value.concatAll(now.missing(), before.missing());
        Verdict v = c.verdict(Status.INSUFFICIENT_DATA).observed(now.number(), now.present() ? Fmt.value(now.number(), now.unit()) : null)
                .evidence(evidence).missing(missing).missingValues(Value.concatAll(now.gaps(), before.gaps()))
                .formula(c.year() + "年 " + x.describe() + "；" + (c.year() - 1) + "年 " + x.describe())
                .message("数据不足：缺少 " + String.join("、", missing) + hint).build();
        return new YearPair(now, before, evidence, v);
    }
}
