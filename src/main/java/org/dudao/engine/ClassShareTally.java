package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code shareOfClasses} knows of a run of classes (and size bands), so that a region's is the sum of its
 * subtrees': the classes known to meet the condition and known not to, the extremes the doubtful ones could
 * move the share to (added to the denominator and numerator of the lowest and highest share, or a band without
 * its count that could make the share 0 or 100%), the classes the verdict names with their evidence, and the
 * doubtful ones. Both lists are in the order {@link ClassSizes#items} walks the classes, so a later subtree's
 * follow. The verdict is {@link #conclude concluded} from it alone.
 */
record ClassShareTally(BigDecimal met, BigDecimal notMet, BigDecimal lowDen, BigDecimal highNum, BigDecimal highDen,
                       boolean lowIsZero, boolean highIsAll, Capped<ChildFinding> named, Capped<Metric> evidence, Capped<ChildFinding> doubtful) implements Tally<ClassShareTally> {
    static final ClassShareTally NONE = new ClassShareTally(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, false, false, Capped.none(), Capped.none(), Capped.none());

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The classes against {@code condition} on their size ({@code ">= 66"}), in the order given. */
    static ClassShareTally of(Call c, List<ClassSizes.Item> items, String condition) {
        Bound cond = Bound.parse(condition);
        boolean upper = c.meta().bound().op().isUpper();
        BigDecimal met = BigDecimal.ZERO, notMet = BigDecimal.ZERO, lowDen = BigDecimal.ZERO, highNum = BigDecimal.ZERO, highDen = BigDecimal.ZERO;
        boolean lowIsZero = false, highIsAll = false;
        List<ChildFinding> named = new ArrayList<>(), doubtful = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        for (ClassSizes.Item i : items) {
            Boolean meets = i.meets(cond.op(), cond.number());
            if (i.member() == Boolean.TRUE && meets != null && i.count() != null) {
                if (meets) met = met.add(i.count());
                else notMet = notMet.add(i.count());
                if (meets == upper && i.count().signum() > 0) {
                    named.add(ClassSizes.finding(c.facts(), i, Status.FAIL, i.sizeText()));
                    if (i.evidence() != null) evidence.add(i.evidence());
                }
                continue;
            }
            // Not known whether it is selected, or whether it meets the condition, or how many: its extremes
            boolean in = i.member() == Boolean.TRUE;
            if (meets != Boolean.FALSE) {
                if (i.count() == null) highIsAll = true;
                else { highNum = highNum.add(i.count()); highDen = highDen.add(i.count()); }
            } else if (in && i.count() != null) {
                highDen = highDen.add(i.count());
            }
            if (meets != Boolean.TRUE) {
                if (i.count() == null) lowIsZero = true;
                else lowDen = lowDen.add(i.count());
            }
            doubtful.add(ClassSizes.finding(c.facts(), i, Status.INSUFFICIENT_DATA, i.sizeText() + "，" + i.doubt()));
        }
        return new ClassShareTally(met, notMet, lowDen, highNum, highDen, lowIsZero, highIsAll, Capped.of(named), Capped.of(evidence),
                Capped.of(doubtful));
    }

    /** This tally and a later subtree's: sums added, lists one after the other. */
    @Override public ClassShareTally plus(ClassShareTally o) {
        return new ClassShareTally(met.add(o.met), notMet.add(o.notMet), lowDen.add(o.lowDen), highNum.add(o.highNum), highDen.add(o.highDen),
                lowIsZero || o.lowIsZero, highIsAll || o.highIsAll, named.then(o.named), evidence.then(o.evidence), doubtful.then(o.doubtful));
    }

    /**
     * The share of the classes meeting the condition against {@code @bound}; PASS or FAIL where the doubtful
     * classes cannot change it, else INSUFFICIENT_DATA naming them.
     */
    Verdict conclude(Call c, Children kids, String metric, String condition) {
        Bound cond = Bound.parse(condition), b = c.meta().bound();
        boolean upper = c.meta().bound().op().isUpper();
        Limit l = c.limit(b, "%");
        List<Metric> evidence = new ArrayList<>(l.evidence());
        evidence.addAll(this.evidence.first());
        String what = Messages.condition(metric, cond);
        BigDecimal known = met.add(notMet);
        String counts = "共 " + Fmt.num(known) + " 个" + kids.label() + "：" + what + "的 " + Fmt.num(met) + " 个，其余 " + Fmt.num(notMet) + " 个"
                + (doubtful.isEmpty() ? "" : "；另有 " + doubtful.total() + " 项学段、班额或班级数不明");
        Verdict.Builder out = c.verdict(Status.PASS).bound(l.text()).limit(l.number()).evidence(evidence);
        if (known.signum() == 0 || l.number() == null) {
            List<String> miss = l.number() == null ? l.missing() : List.of(c.year() + "年的" + kids.label() + "数据（“" + metric + "”）"
                    + (doubtful.isEmpty() ? "" : "：" + Messages.names(doubtful) + " 不能确定"));
            return out.status(Status.INSUFFICIENT_DATA).children(doubtful.first(), doubtful.total()).missing(miss).missingValues(l.number() == null ? l.gaps() : List.of())
                    .formula(what + "的" + kids.label() + "占比；标准：" + l.text())
                    .message("数据不足：缺少 " + String.join("、", miss)).build();
        }
        BigDecimal share = pct(met, known);
        BigDecimal low = lowIsZero ? BigDecimal.ZERO : pct(met, known.add(lowDen));
        BigDecimal high = highIsAll ? HUNDRED : pct(met.add(highNum), known.add(highDen));
        String shown = Fmt.beside(share, l.number(), "%");
        out.observed(share, shown).formula(what + "的" + kids.label() + " " + Fmt.num(met) + " / " + Fmt.num(known) + " = "
                + shown + "；标准：" + l.text() + "（" + counts + "）");
        String subject = c.quantity() + " " + shown + "（" + Fmt.num(met) + "/" + Fmt.num(known) + " 个" + kids.label() + "）";
        List<ChildFinding> children = new ArrayList<>(named.first());
        children.addAll(doubtful.first());
        out.children(children, named.total() + doubtful.total());
        String which = upper ? what + "的" + kids.label() : "不属于" + what + "的" + kids.label();
        boolean passLow = b.op().test(low, l.number()), passHigh = b.op().test(high, l.number());
        if (passLow && passHigh) {
            Status s = doubtful.isEmpty() && c.narrow(share, l.number(), b.op()) ? Status.WARN : Status.PASS;
            return out.status(s).message(Messages.meets(subject, l.text()) + c.warnText(s, "%") + (named.isEmpty() ? "" : "；" + which + "：" + Messages.names(named))
                    + (doubtful.isEmpty() ? "" : "；学段或班额不明的 " + doubtful.total() + " 项不影响结论")).build();
        }
        if (!passLow && !passHigh) {
            return out.status(Status.FAIL).message(Messages.misses(subject, b.op(), false, l.shown(), "标准", Messages.gap(share, l.number(), "%")) + "；" + which + "："
                    + Messages.names(named) + (doubtful.isEmpty() ? "" : "；另有 " + doubtful.total() + " 项不明，不影响结论")).build();
        }
        return out.status(Status.INSUFFICIENT_DATA).missing(List.of(Messages.names(doubtful) + " 的学段、班额或班级数"))
                .message("占比在 " + Fmt.value(low, "%") + " 至 " + Fmt.value(high, "%") + " 之间，能否达到" + l.text() + "的标准取决于不明的 "
                        + doubtful.total() + " 项：" + Messages.names(doubtful)).build();
    }


    private static BigDecimal pct(BigDecimal a, BigDecimal n) {
        return a.movePointRight(2).divide(n, MathContext.DECIMAL128);
    }
}
