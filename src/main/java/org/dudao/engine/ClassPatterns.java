package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * The class-size indicators over a class list or size bands alike (see {@link ClassSizes}): the share of
 * the selected classes over a size, each class within its stage's bound, and a count falling year on year.
 * A class whose 学段 or size is not known is weighed both ways and named as 数据不足 only where it could
 * change the verdict. Called through {@link Patterns}, where rules find them.
 */
final class ClassPatterns {
    private ClassPatterns() {}

    /**
     * share-of-children over classes: the share of the selected classes whose size meets {@code condition},
     * against {@code @bound}: {@code shareOfClasses(kcontext, $e, compulsoryClasses(), "班额", ">= 66")}.
     */
    static Verdict shareOfClasses(RuleContext kc, Entity e, Children kids, String metric, String condition) {
        Call c = Call.of(kc, e);
        return c.tally(kids.level(), () -> "shareOfClasses " + kids.key() + " " + metric + " " + condition, ClassShareTally.NONE,
                () -> ClassShareTally.of(c, ClassSizes.items(c.facts(), e, kids, metric, c.year()), condition)).conclude(c, kids, metric, condition);
    }

    /**
     * Every selected class within the part of {@code @bound} for its 学段 ({@code 小学 <= 45 人；初中 <= 50 人}):
     * {@code everyClass(kcontext, $e, compulsoryClasses(), "班额")}. A band proves what its ends prove (46-50人
     * is over 45, 41-45人 is not), a class whose 学段 is not known is held to each bound it may fall under.
     */
    static Verdict everyClass(RuleContext kc, Entity e, Children kids, String metric) {
        Call c = Call.of(kc, e);
        return c.tally(kids.level(), () -> "everyClass " + kids.key() + " " + metric, ClassLimitTally.NONE,
                () -> ClassLimitTally.of(c, ClassSizes.items(c.facts(), e, kids, metric, c.year()))).conclude(c, kids, metric);
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
        return phaseOut(c, count, count.range(c.facts(), e, y), count.range(c.facts(), e, y - 1), count.schools(c.facts(), e, y));
    }

    /**
     * The conclusion of {@link #phaseOut} from the tallies alone: this year's and last year's classes, and this year's
     * schools (is there any that could have such classes?). Where both counts are exact, the two years' values are
     * compared as {@link YearOnYear#noRebound} does.
     */
    static Verdict phaseOut(Call c, ClassSizes.Count count, ClassCountTally now, ClassCountTally before, SchoolTally schools) {
        int y = c.year();
        String what = count.describe();
        Verdict.Builder out = c.verdict(Status.PASS).evidence(Value.concatAll(now.evidence().first(), before.evidence().first()))
                .limit(before.exact() ? before.low() : null);
        if (!now.any() && !before.any() && schools.noneOfKind()) {
            return out.status(Status.NOT_APPLICABLE).message("不适用：本地区" + y + "年的学校中没有可能设有" + count.kids().label() + "的学校").build();
        }
        if (now.any() && now.exact() && now.low().signum() == 0) {
            return out.observed(BigDecimal.ZERO, "0 个").formula(y + "年 " + what + " = 0")
                    .message(count.name() + " 0 个，已全部消除").build();
        }
        if (now.exact() && before.exact() || !now.any() || !before.any()) {
            return YearOnYear.noRebound(c.fresh(), count, count.value(now, y), count.value(before, y - 1));
        }
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
        Capped<ChildFinding> doubtful = now.maybe().map(f -> inYear(f, y)).then(before.maybe().map(f -> inYear(f, y - 1)));
        return out.status(Status.INSUFFICIENT_DATA).children(doubtful.first(), doubtful.total())
                .missing(List.of(Messages.names(doubtful) + " 的学段、班额或班级数"))
                .message("数据不足：" + count.name() + " " + shownNow + "，" + shownBefore + "，能否确定减少取决于 " + Messages.names(doubtful)).build();
    }

    /** A class that may count, said of its year: 2024年 班额 58 人，学段不明…. */
    private static ChildFinding inYear(ChildFinding f, int year) {
        return new ChildFinding(f.entity(), f.entityName(), f.status(), year + "年 " + f.message(), f.cells());
    }

    private static String rangeText(ClassCountTally r) {
        if (r.exact()) return Fmt.num(r.low()) + " 个";
        return Fmt.num(r.low()) + " 至 " + (r.high() == null ? "更多" : Fmt.num(r.high())) + " 个";
    }
}
