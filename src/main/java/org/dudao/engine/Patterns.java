package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Collection;
import java.util.List;

/**
 * The functions a rule calls, and nothing else: {@code import function org.dudao.engine.Patterns.*}. The
 * value functions build an {@link Expr}; the pattern functions (the first parameter is the rule's
 * context) return the one verdict of an indicator for an entity, so that one indicator is one line:
 * {@code insert(threshold(kcontext, $e, share("公办园在园幼儿数", "在园幼儿数")));}. The rule sandbox reads
 * this class's public static methods as the functions a rule may call; the work is done in one class per
 * pattern family ({@link ValuePatterns}, {@link YearOnYear}, {@link ChildPatterns}, {@link BalancePatterns},
 * {@link ClassPatterns}, {@link SchoolPatterns}, {@link TaskPattern}), bounds are resolved by
 * {@link BoundResolver} and the sentences are {@link Messages}'.
 */
public final class Patterns {
    private Patterns() {}

    /** The 学段 a county's balance is assessed by. */
    public static final List<String> STAGES = List.of("小学", "初中");

    // ---- values ---------------------------------------------------------------------------

    public static Expr value(String metric) { return Expr.value(metric); }

    public static Expr share(String numerator, String denominator) { return Expr.share(numerator, denominator); }

    public static Expr shareOf(Expr numerator, Expr denominator) { return Expr.shareOf(numerator, denominator); }

    public static Expr ratio(String numerator, String denominator) { return Expr.ratio(numerator, denominator); }

    public static Expr ratioOf(Expr numerator, Expr denominator) { return Expr.ratioOf(numerator, denominator); }

    public static Expr sum(String... metrics) { return Expr.sum(metrics); }

    public static Expr firstOf(Expr... choices) { return Expr.firstOf(choices); }

    public static Expr countOf(String level, String metric, String condition) { return Expr.countOf(level, metric, condition); }

    /** How many of the selected classes meet a condition on their size: {@code countOf(compulsoryClasses(), "班额", ">= 56")}. */
    public static Expr countOf(Children classes, String metric, String condition) { return Expr.countOf(classes, metric, condition); }

    public static Expr maxOf(String level, String metric) { return Expr.maxOf(level, metric); }

    public static Expr growth(String metric) { return Expr.growth(metric); }

    /** A resource per hundred pupils: {@code perHundred("网络多媒体教室数")} = 网络多媒体教室数 / 在校学生数 × 100. */
    public static Expr perHundred(String metric) { return Expr.perHundred(metric); }

    /** A resource per pupil: {@code perPupil("教学及辅助用房面积")} = 教学及辅助用房面积 / 在校学生数. */
    public static Expr perPupil(String metric) { return Expr.perPupil(metric); }

    /**
     * A school's size as the standard counts it: {@code compulsoryEnrolment(value("在校学生数"), value("义务教育在校生数"))},
     * its 义务教育 enrolment, over all its parts for a 一贯制 school entered in parts.
     */
    public static Expr compulsoryEnrolment(Expr pupils, Expr compulsoryPupils) { return SchoolPatterns.compulsoryEnrolment(pupils, compulsoryPupils); }

    /**
     * An expression about one stage of education, not applicable where the region demonstrably has no such
     * stage: {@code forStage(x, "在园幼儿数", "幼儿园")} (see {@link ForStage}).
     */
    public static ForStage forStage(Expr x, String enrolment, String... stageWords) {
        if (stageWords.length == 0) throw new IllegalArgumentException("forStage needs the 学段 words of its schools");
        return new ForStage(x, enrolment, List.of(stageWords));
    }

    /** A condition for {@link #conditional}: {@code condition(value("常住人口"), ">= 200000")}. */
    public static Condition condition(Expr x, String bound) { return new Condition(x, Bound.parse(bound)); }

    /** What a child must meet for {@link #shareOfChildren}: {@code meets(value("平安校园"), "= 是")}; the bound may be a parameter. */
    public static ChildTest meets(Expr x, String bound) { return ChildTest.meets(x, bound); }

    /** A category metric that is one of the values given: {@code oneOf("清廉学校等级", "引领型", "规范型")}. */
    public static ChildTest oneOf(String metric, String... values) { return ChildTest.oneOf(metric, values); }

    // ---- child entities -------------------------------------------------------------------

    /** The 学段 a county is assessed by, for {@code $stage : String() from stages()}. */
    public static List<String> stages() { return STAGES; }

    /** Every descendant region or school at a level (县, 学校, 班级). */
    public static Children children(String level) { return Children.children(level); }

    /** Schools whose 学段 contains one of the words given; none given: every school. */
    public static Children schools(String... stages) { return Children.schools(stages); }

    /** Primary and secondary schools (中小学): not 职业中学 or other 中职, nor special-education schools. */
    public static Children primaryAndSecondary() { return Children.primaryAndSecondary(); }

    /** 普通高等学校 (本科 and 高职): not 技工院校. */
    public static Children higherEducation() { return Children.higherEducation(); }

    /** Basic-education schools (幼儿园 to 普通高中, and special-education): not 中职, 技工院校 or 普通高校. */
    public static Children basicEducationSchools() { return Children.basicEducationSchools(); }

    /** Classes of 义务教育 (小学 and 初中, including the parts of 一贯制 schools and 完全中学). */
    public static Children compulsoryClasses() { return Children.compulsoryClasses(); }

    /** Classes of 普通高中 (including the 高中部 of 完全中学 and 十二年一贯制 schools). */
    public static Children seniorClasses() { return Children.seniorClasses(); }

    /** The region itself and every region below it ({@code coverage} over 省、市、县 alike). */
    public static Children regionsFromHere() { return Children.regionsFromHere(); }

    // ---- patterns: one value against the bound --------------------------------------------

    /** threshold: a value against {@code @bound} (a number, 是/否, another metric, a parameter; a school's 学段 part). */
    public static Verdict threshold(RuleContext kc, Entity e, Expr x) { return ValuePatterns.threshold(kc, e, x); }

    /** threshold against another expression: {@code @bound(">= 财政经常性收入增长率")} with the limit computed. */
    public static Verdict threshold(RuleContext kc, Entity e, Expr x, Expr limit) { return ValuePatterns.threshold(kc, e, x, limit); }

    /** zero: a count that must be 0 (清零, 消除); {@code @bound("= 0")}. */
    public static Verdict zero(RuleContext kc, Entity e, Expr x) { return ValuePatterns.zero(kc, e, x); }

    /** conditional: applies only where the condition holds, NOT_APPLICABLE saying which did not hold otherwise. */
    public static Verdict conditional(RuleContext kc, Entity e, Condition when, Expr x) { return ValuePatterns.conditional(kc, e, when, x); }

    /** target-progress: a counted achievement against a target in {@code @bound}. */
    public static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved) { return ValuePatterns.targetProgress(kc, e, achieved); }

    /** target-progress pro-rated by date (双过半): achieved / target ≥ the share of the year elapsed on {@code asOf}. */
    public static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved, Expr target, String asOf) {
        return ValuePatterns.targetProgress(kc, e, achieved, target, asOf);
    }

    /** threshold for the whole school: a school entered in parts is judged once, on its first part, the others naming it. */
    public static Verdict wholeSchool(RuleContext kc, Entity e, Expr x) { return SchoolPatterns.wholeSchool(kc, e, x); }

    // ---- patterns: this year against last year ---------------------------------------------

    /** no-decrease (只增不减 {@code >= 上年}; 增长 {@code > 上年}, a tie being what {@code @tie} says). */
    public static Verdict noDecrease(RuleContext kc, Entity e, Expr x) { return YearOnYear.noDecrease(kc, e, x); }

    /** no-rebound (不反弹 {@code <= 上年}; 压减 {@code < 上年}). */
    public static Verdict noRebound(RuleContext kc, Entity e, Expr x) { return YearOnYear.noRebound(kc, e, x); }

    /** change-by, absolute: this year minus last year against {@code @bound} ({@code >= 150 元}). */
    public static Verdict changeBy(RuleContext kc, Entity e, Expr x) { return YearOnYear.changeBy(kc, e, x); }

    /** change-by, relative: this year against a share of last year ({@code <= 90%}: a drop of 10% or more). */
    public static Verdict changeRatio(RuleContext kc, Entity e, Expr x) { return YearOnYear.changeRatio(kc, e, x); }

    // ---- patterns: child entities --------------------------------------------------------

    /** coverage (全覆盖): every child meets {@code @bound}; a failure names each that does not. */
    public static Verdict coverage(RuleContext kc, Entity e, Children kids, Expr x) { return ChildPatterns.coverage(kc, e, kids, x); }

    /** share-of-children: the share of children meeting a condition against {@code @bound} (in %). */
    public static Verdict shareOfChildren(RuleContext kc, Entity e, Children kids, ChildTest test) {
        return ChildPatterns.shareOfChildren(kc, e, kids, test);
    }

    /** Rolls child verdicts up: FAIL when any fails, naming each; INSUFFICIENT_DATA when none fails but some lack data. */
    public static Verdict rollUp(RuleContext kc, Entity e, Collection<?> childVerdicts) { return ChildPatterns.rollUp(kc, e, childVerdicts); }

    /** rollUp, NOT_APPLICABLE for a region whose schools are all outside the selection (only 普通高校 and 中职 …). */
    public static Verdict rollUp(RuleContext kc, Entity e, Collection<?> childVerdicts, Children applicable) {
        return SchoolPatterns.rollUp(kc, e, childVerdicts, applicable);
    }

    // ---- patterns: class sizes -----------------------------------------------------------

    /** The share of the selected classes whose size meets a condition: {@code shareOfClasses(kcontext, $e, compulsoryClasses(), "班额", ">= 66")}. */
    public static Verdict shareOfClasses(RuleContext kc, Entity e, Children classes, String metric, String condition) {
        return ClassPatterns.shareOfClasses(kc, e, classes, metric, condition);
    }

    /** Every selected class within its 学段's part of {@code @bound}: {@code everyClass(kcontext, $e, compulsoryClasses(), "班额")}. */
    public static Verdict everyClass(RuleContext kc, Entity e, Children classes, String metric) {
        return ClassPatterns.everyClass(kc, e, classes, metric);
    }

    /** 逐步消减: a count below last year's ({@code @bound("< 上年")}) or none left: {@code phaseOut(kcontext, $e, countOf(seniorClasses(), "班额", ">= 56"))}. */
    public static Verdict phaseOut(RuleContext kc, Entity e, Expr count) { return ClassPatterns.phaseOut(kc, e, count); }

    // ---- patterns: balance (教督〔2017〕6号) ------------------------------------------------

    /** dispersion: the enrolment-weighted coefficient of variation of a per-pupil resource, per 学段. */
    public static Verdict dispersion(RuleContext kc, Entity e, String stage, String resource) {
        return BalancePatterns.dispersion(kc, e, stage, resource);
    }

    /** A per-school balance indicator (BAL-1 … BAL-7) against its 学段's part of {@code @bound}. */
    public static Verdict balance(RuleContext kc, Entity e, Expr x) { return BalancePatterns.balance(kc, e, x); }

    /** BAL-SCHOOL: at least N of the seven indicators met, the others at least p of their bound. */
    public static Verdict balanceSchool(RuleContext kc, Entity e, Collection<?> indicatorVerdicts) {
        return BalancePatterns.balanceSchool(kc, e, indicatorVerdicts);
    }

    // ---- patterns: a plan's tasks ----------------------------------------------------------

    /**
     * task: a count done in the target's period (新建智安校园 230 所) against {@code @bound}: by the
     * deadline the target as written, before it target × the share of the period gone (双过半); a
     * ceiling ({@code = 0} 新审批) on every day. {@code asOf}: the date the figures stand at,
     * {@code "{任务评估日期|12-31}"}; {@code period}: the target's period, {@code "{TASK-SAFE-01期限|12-31}"}.
     */
    public static Verdict task(RuleContext kc, Entity e, Expr done, String asOf, String period) {
        return TaskPattern.evaluate(Call.of(kc, e), done, TaskPattern.Kind.COUNT, asOf, period);
    }

    /** task on a stock that must reach the target (无证幼儿园 = 0): before the deadline, the share of the way from last year's end. */
    public static Verdict stockTask(RuleContext kc, Entity e, Expr stock, String asOf, String period) {
        return TaskPattern.evaluate(Call.of(kc, e), stock, TaskPattern.Kind.STOCK, asOf, period);
    }
}
