package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.Stage;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class-size indicators over a class list or size bands alike (see {@link ClassSizes}): the share of
 * the selected classes over a size, each class within its stage's bound, and a count falling year on year.
 * A class whose 学段 or size is not known is weighed both ways and named as 数据不足 only where it could
 * change the verdict. Called through {@link Patterns}, where rules find them.
 */
final class ClassPatterns {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ClassPatterns() {}

    /**
     * share-of-children over classes: the share of the selected classes whose size meets {@code condition},
     * against {@code @bound}: {@code shareOfClasses(kcontext, $e, compulsoryClasses(), "班额", ">= 66")}.
     */
    static Verdict shareOfClasses(RuleContext kc, Entity e, Children kids, String metric, String condition) {
        Call c = Call.of(kc, e);
        Bound cond = Bound.parse(condition), b = c.meta().bound();
        boolean upper = b.op() == Op.LE || b.op() == Op.LT;
        List<ClassSizes.Item> items = ClassSizes.items(c.facts(), e, kids, metric, c.year());
        Limit l = c.limit(b, "%");
        BigDecimal met = BigDecimal.ZERO, notMet = BigDecimal.ZERO, lowDen = BigDecimal.ZERO, highNum = BigDecimal.ZERO, highDen = BigDecimal.ZERO;
        boolean lowIsZero = false, highIsAll = false;
        List<ChildFinding> named = new ArrayList<>(), doubtful = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>(l.evidence());
        String what = Messages.condition(metric, cond);
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
        BigDecimal known = met.add(notMet);
        String counts = "共 " + Fmt.num(known) + " 个" + kids.label() + "：" + what + "的 " + Fmt.num(met) + " 个，其余 " + Fmt.num(notMet) + " 个"
                + (doubtful.isEmpty() ? "" : "；另有 " + doubtful.size() + " 项学段、班额或班级数不明");
        Verdict.Builder out = c.verdict(Status.PASS).bound(l.text()).limit(l.number()).evidence(evidence);
        if (known.signum() == 0 || l.number() == null) {
            List<String> miss = l.number() == null ? l.missing() : List.of(c.year() + "年的" + kids.label() + "数据（“" + metric + "”）"
                    + (doubtful.isEmpty() ? "" : "：" + Messages.names(doubtful) + " 不能确定"));
            return out.status(Status.INSUFFICIENT_DATA).children(doubtful).missing(miss).missingValues(l.number() == null ? l.gaps() : List.of())
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
        List<ChildFinding> children = new ArrayList<>(named);
        children.addAll(doubtful);
        out.children(children);
        String which = upper ? what + "的" + kids.label() : "不属于" + what + "的" + kids.label();
        boolean passLow = b.op().test(low, l.number()), passHigh = b.op().test(high, l.number());
        if (passLow && passHigh) {
            Status s = doubtful.isEmpty() && c.narrow(share, l.number(), b.op()) ? Status.WARN : Status.PASS;
            return out.status(s).message(Messages.meets(subject, l.text()) + c.warnText(s, "%") + (named.isEmpty() ? "" : "；" + which + "：" + Messages.names(named))
                    + (doubtful.isEmpty() ? "" : "；学段或班额不明的 " + doubtful.size() + " 项不影响结论")).build();
        }
        if (!passLow && !passHigh) {
            return out.status(Status.FAIL).message(Messages.misses(subject, b.op(), false, l.shown(), "标准", Messages.gap(share, l.number(), "%")) + "；" + which + "："
                    + Messages.names(named) + (doubtful.isEmpty() ? "" : "；另有 " + doubtful.size() + " 项不明，不影响结论")).build();
        }
        return out.status(Status.INSUFFICIENT_DATA).missing(List.of(Messages.names(doubtful) + " 的学段、班额或班级数"))
                .message("占比在 " + Fmt.value(low, "%") + " 至 " + Fmt.value(high, "%") + " 之间，能否达到" + l.text() + "的标准取决于不明的 "
                        + doubtful.size() + " 项：" + Messages.names(doubtful)).build();
    }

    /**
     * Every selected class within the part of {@code @bound} for its 学段 ({@code 小学 <= 45 人；初中 <= 50 人}):
     * {@code everyClass(kcontext, $e, compulsoryClasses(), "班额")}. A band proves what its ends prove (46-50人
     * is over 45, 41-45人 is not), a class whose 学段 is not known is held to each bound it may fall under.
     */
    static Verdict everyClass(RuleContext kc, Entity e, Children kids, String metric) {
        Call c = Call.of(kc, e);
        Bound bound = c.meta().bound();
        List<ClassSizes.Item> items = ClassSizes.items(c.facts(), e, kids, metric, c.year());
        List<ChildFinding> over = new ArrayList<>(), doubtful = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal within = BigDecimal.ZERO, failing = BigDecimal.ZERO;
        Map<Stage, Limit> held = new EnumMap<>(Stage.class); // in the order of the stages looked at, as may is an EnumSet
        for (ClassSizes.Item i : items) {
            if (i.count() != null && i.count().signum() == 0) continue;
            Set<Stage> may = EnumSet.noneOf(Stage.class);
            for (Stage s : i.stages()) if (s.isCompulsory()) may.add(s);
            if (may.isEmpty()) may = Stage.COMPULSORY;
            Boolean allFail = Boolean.TRUE, allPass = Boolean.TRUE;
            held.clear();
            for (Stage s : may) {
                Bound part = bound.forLabel(s.label());
                Limit l = part == null ? null : c.limit(part, "人");
                if (l == null || l.number() == null) {
                    missing.add(l == null ? "“" + s.label() + "”的标准" : String.join("、", l.missing()));
                    allFail = allPass = null;
                    continue;
                }
                evidence.addAll(l.evidence());
                held.put(s, l);
                Boolean r = i.meets(part.op(), l.number());
                if (r != Boolean.FALSE) allFail = Boolean.FALSE;
                if (r != Boolean.TRUE) allPass = Boolean.FALSE;
            }
            if (allPass == Boolean.TRUE) {
                if (i.count() != null) within = within.add(i.count());
                continue; // most classes: nothing to say about them
            }
            String said = said(i, held);
            if (allFail == Boolean.TRUE && i.member() == Boolean.TRUE && i.count() != null) {
                failing = failing.add(i.count());
                over.add(ClassSizes.finding(c.facts(), i, Status.FAIL, said));
                if (i.evidence() != null) evidence.add(i.evidence());
            } else {
                String doubt = i.member() == Boolean.TRUE && may.size() > 1 && i.low() != null ? "不知是小学还是初中的班级（学段不明，请填写年级）" : i.doubt();
                doubtful.add(ClassSizes.finding(c.facts(), i, Status.INSUFFICIENT_DATA, said + "，" + doubt));
            }
        }
        String limitText = c.standard("人");
        Verdict.Builder out = c.verdict(Status.PASS).bound(limitText).evidence(evidence)
                .observed(failing, Fmt.num(failing) + " 个班级超过标准班额")
                .formula("每个" + kids.label() + "的" + metric + "不超过其学段的标准（" + limitText + "）：未超过 " + Fmt.num(within)
                        + " 个，超过 " + Fmt.num(failing) + " 个，不明 " + doubtful.size() + " 项");
        if (!missing.isEmpty()) {
            List<String> lacking = List.copyOf(new LinkedHashSet<>(missing));
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(lacking)
                    .message("数据不足：缺少 " + String.join("、", lacking)).build();
        }
        if (items.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year() + "年" + kids.label() + "的“" + metric + "”"))
                    .message("数据不足：没有" + kids.label() + "的" + metric + "数据").build();
        }
        if (!over.isEmpty()) {
            List<ChildFinding> named = new ArrayList<>(over);
            named.addAll(doubtful);
            return out.status(Status.FAIL).children(named).message(Fmt.num(failing) + " 个" + kids.label() + "超过标准班额（" + limitText + "）："
                    + Messages.childList(over)).build();
        }
        if (!doubtful.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).children(doubtful).missing(List.of(Messages.names(doubtful) + " 的学段或班额"))
                    .message("没有超过标准班额的班级，但 " + doubtful.size() + " 项不能确定：" + Messages.childList(doubtful)).build();
        }
        return out.message("全部 " + Fmt.num(within) + " 个" + kids.label() + "均未超过标准班额（" + limitText + "）").build();
    }

    /**
     * A class's size with the standards it was held to: 班额 58 人，标准为小学不超过 45 人 — no brackets, as the
     * finding lists each class with this in brackets after its name.
     */
    private static String said(ClassSizes.Item i, Map<Stage, Limit> held) {
        List<String> parts = new ArrayList<>(held.size());
        for (Map.Entry<Stage, Limit> h : held.entrySet()) parts.add(h.getKey().label() + h.getValue().text());
        return i.sizeText() + "，标准为" + String.join("、", parts);
    }

    /**
     * 逐步消减: a count of classes below last year's ({@code @bound("< 上年")}), or none left; a tie is what
     * {@code @tie} says, as for {@link YearOnYear}. A region without any school that could have such classes
     * is NOT_APPLICABLE. Where classes of unknown 学段 or size make a year's count a range, the verdict is
     * given when the ranges decide it (a count that may have stayed level decides nothing when a tie is not 不达标).
     */
    static Verdict phaseOut(RuleContext kc, Entity e, Expr x) {
        if (!(x instanceof ClassSizes.Count count)) return YearOnYear.noRebound(kc, e, x);
        Call c = Call.of(kc, e);
        int y = c.year();
        ClassSizes.Count.Range now = count.range(c.facts(), e, y), before = count.range(c.facts(), e, y - 1);
        String what = count.describe();
        Verdict.Builder out = c.verdict(Status.PASS).evidence(evidenceOf(now, before)).limit(before.exact() ? before.low() : null);
        if (!now.any() && !before.any() && noSchoolCouldHave(c.facts(), e, count.kids(), y)) {
            return out.status(Status.NOT_APPLICABLE).message("不适用：本地区" + y + "年的学校中没有可能设有" + count.kids().label() + "的学校").build();
        }
        if (now.any() && now.exact() && now.low().signum() == 0) {
            return out.observed(BigDecimal.ZERO, "0 个").formula(y + "年 " + what + " = 0")
                    .message(count.name() + " 0 个，已全部消除").build();
        }
        if (now.exact() && before.exact() || !now.any() || !before.any()) return YearOnYear.noRebound(kc, e, x);
        String shownNow = y + "年 " + rangeText(now), shownBefore = (y - 1) + "年 " + rangeText(before);
        out.formula(y + "年 " + what + " < " + (y - 1) + "年：" + shownNow + "；" + shownBefore).observed(null, rangeText(now));
        Op op = c.meta().bound().previousYear() ? c.meta().bound().op() : Op.LT;
        if (now.high() != null && op.test(now.high(), before.low())) {
            return out.message(count.name() + " " + shownNow + "，少于 " + shownBefore + "，实现“逐步消减”").build();
        }
        // certainly not fewer; a tie is still possible where the lowest count now meets the highest last year, and counts as @tie says
        boolean maybeTie = before.high() != null && now.low().compareTo(before.high()) == 0 && c.strictTie(now.low(), before.high(), op);
        if (before.high() != null && !op.test(now.low(), before.high()) && (!maybeTie || c.tie() == Status.FAIL)) {
            return out.status(Status.FAIL).message(count.name() + " " + shownNow + "，未少于 " + shownBefore + "，未实现“逐步消减”").build();
        }
        List<ChildFinding> doubtful = new ArrayList<>();
        for (ClassSizes.Item i : now.maybe()) doubtful.add(ClassSizes.finding(c.facts(), i, Status.INSUFFICIENT_DATA, y + "年 " + i.sizeText() + "，" + i.doubt()));
        for (ClassSizes.Item i : before.maybe()) doubtful.add(ClassSizes.finding(c.facts(), i, Status.INSUFFICIENT_DATA, (y - 1) + "年 " + i.sizeText() + "，" + i.doubt()));
        return out.status(Status.INSUFFICIENT_DATA).children(doubtful).missing(List.of(Messages.names(doubtful) + " 的学段、班额或班级数"))
                .message("数据不足：" + count.name() + " " + shownNow + "，" + shownBefore + "，能否确定减少取决于 " + Messages.names(doubtful)).build();
    }

    private static String rangeText(ClassSizes.Count.Range r) {
        if (r.exact()) return Fmt.num(r.low()) + " 个";
        return Fmt.num(r.low()) + " 至 " + (r.high() == null ? "更多" : Fmt.num(r.high())) + " 个";
    }

    private static List<Metric> evidenceOf(ClassSizes.Count.Range now, ClassSizes.Count.Range before) {
        List<Metric> out = new ArrayList<>();
        for (ClassSizes.Count.Range r : List.of(now, before)) for (ClassSizes.Item i : r.counted()) if (i.evidence() != null) out.add(i.evidence());
        return out;
    }

    /** The region reports schools for the year and none of them may have classes of the selection (no 普通高中 at all). */
    private static boolean noSchoolCouldHave(Facts facts, Entity e, Children kids, int year) {
        boolean any = false;
        for (Entity s : facts.descendants(e, "学校")) {
            if (!s.hasYear(year)) continue;
            any = true;
            Set<Stage> st = s.school().stages();
            if (st.isEmpty()) return false;
            Entity probe = new Entity(s.getCode() + "/?", null, EntityKind.CLASS, s.getCode(), null, s.getOrigin());
            if (kids.membership() == null || kids.membership().of(facts, probe) != Boolean.FALSE) return false;
        }
        return any;
    }

    private static BigDecimal pct(BigDecimal a, BigDecimal n) {
        return a.movePointRight(2).divide(n, MathContext.DECIMAL128);
    }
}
