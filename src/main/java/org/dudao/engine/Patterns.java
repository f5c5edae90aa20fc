package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Param;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ten indicator patterns of INDICATORS.md as functions a rule calls in its consequence, so that one
 * indicator is one line: {@code insert(threshold(kcontext, $e, share("公办园在园幼儿数", "在园幼儿数")));}.
 * Each takes the bound and the words of the verdict from the rule's metadata and returns exactly one
 * verdict, INSUFFICIENT_DATA naming what is missing when a value is absent. Parameters in a bound
 * ({@code {KG-04目标数|200}}) are resolved here: the workbook's 参数 sheet, else {@code rules/params.csv},
 * else the default written in the bound; the verdict says which.
 */
public final class Patterns {
    private Patterns() {}

    /** The 学段 a county's balance is assessed by. */
    public static final List<String> STAGES = List.of("小学", "初中");

    /** Pupils below which a 教学点 is left out of the balance assessment (教督〔2017〕6号). */
    private static final BigDecimal SMALL_TEACHING_POINT = new BigDecimal("50");

    // ---- expressions, re-exported so rule files import one class ----------------------------

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
    public static Expr perHundred(String metric) {
        return Expr.ratio(metric, "在校学生数").times("100", "个/百名学生");
    }

    /** A resource per pupil: {@code perPupil("教学及辅助用房面积")} = 教学及辅助用房面积 / 在校学生数. */
    public static Expr perPupil(String metric) { return Expr.ratio(metric, "在校学生数"); }

    /** The 学段 a county is assessed by, for {@code $stage : String() from stages()}. */
    public static List<String> stages() { return STAGES; }

    /** A condition for {@link #conditional}: {@code condition(value("常住人口"), ">= 200000")}. */
    public static Condition condition(Expr x, String bound) { return new Condition(x, Bound.parse(bound)); }

    /** The condition under which a conditional indicator applies. */
    public record Condition(Expr expr, Bound bound) {}

    /**
     * An expression about one stage of education whose indicator does not apply where the region
     * demonstrably has no such stage: its enrolment is 0, or its school table lists schools and none
     * of the stage. A blank is never taken for a missing stage: blank figures are missing data.
     * {@code forStage(x, "在园幼儿数", "幼儿园")}; several words when a stage is taught in schools of several
     * kinds ({@code "小学", "一贯制"}); the first names the stage in a verdict.
     */
    public static ForStage forStage(Expr x, String enrolment, String... stageWords) {
        if (stageWords.length == 0) throw new IllegalArgumentException("forStage needs the 学段 words of its schools");
        return new ForStage(x, enrolment, List.of(stageWords));
    }

    /** See {@link #forStage}. */
    public record ForStage(Expr inner, String enrolment, List<String> stageWords) implements Expr {
        public Value eval(Facts facts, Entity entity, int year) { return inner.eval(facts, entity, year); }

        public String describe() { return inner.describe(); }

        String label() { return stageWords.get(0); }

        /** Why the region had no such stage in the year, or null when it may have had one. */
        String absent(Facts facts, Entity e, int year) {
            Metric m = facts.metric(e.getCode(), enrolment, year);
            if (m != null && m.getValue() != null) return m.getValue().signum() == 0 ? year + "年“" + enrolment + "”为 0" : null;
            int schools = 0;
            for (Entity s : facts.descendants(e, "学校")) {
                if (!facts.hasYear(s.getCode(), year)) continue;
                schools++;
                if (stageMatches(s.getStage(), stageWords)) return null;
            }
            return schools == 0 ? null : "学校表中" + year + "年本地区的 " + schools + " 所学校均不是" + label() + "，也未填报“" + enrolment + "”";
        }

        /** The enrolment cells of the years, for a verdict that rests on them. */
        List<Metric> enrolments(Facts facts, Entity e, int... years) {
            List<Metric> out = new ArrayList<>();
            for (int y : years) {
                Metric m = facts.metric(e.getCode(), enrolment, y);
                if (m != null) out.add(m);
            }
            return out;
        }
    }

    // ---- child entities and their conditions (coverage, share-of-children) -----------------

    /**
     * The child entities a roll-up looks at: {@code children("县")}, {@code schools("小学", "初中")},
     * {@code compulsoryClasses()}. A membership, when given, decides instead of the 学段 words, and may not
     * know (a class of a 完全中学 without 年级): such a child is left out here and weighed by the class-size
     * helpers, which name it where it could change the verdict.
     */
    public record Children(String level, List<String> stages, String label, Membership membership) {
        public Children(String level, List<String> stages, String label) { this(level, stages, label, null); }

        List<Entity> of(Facts facts, Entity parent, int year) {
            List<Entity> out = new ArrayList<>();
            for (Entity c : level.equals(REGIONS) ? facts.regionsFrom(parent) : facts.descendants(parent, level)) {
                if (!facts.hasYear(c.getCode(), year)) continue; // closed, or not in this year's return
                if (membership != null ? membership.of(facts, c) == Boolean.TRUE : stages.isEmpty() || stageMatches(c.getStage(), stages)) {
                    out.add(c);
                }
            }
            out.sort(Comparator.comparing(Entity::getCode));
            return out;
        }
    }

    /** Whether a child belongs to a selection: yes, no, or unknown (null). */
    public interface Membership {
        Boolean of(Facts facts, Entity child);
    }

    /** Every descendant region or school at a level (县, 学校, 班级). */
    public static Children children(String level) { return new Children(level, List.of(), level); }

    /** Schools whose 学段 contains one of the words given; none given: every school. */
    public static Children schools(String... stages) {
        return new Children("学校", List.of(stages), stages.length == 0 ? "学校" : String.join("、", stages) + "学校");
    }

    /**
     * Primary and secondary schools (中小学): 小学, 初中, 普通高中, 一贯制, 完全中学 and other 中学, their
     * parts; not 职业中学 or other 中职, nor special-education schools.
     */
    public static Children primaryAndSecondary() {
        return schoolsOf("中小学", s -> !s.isEmpty() && Set.of(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR).containsAll(s));
    }

    /** 普通高等学校 (本科 and 高职): not 技工院校 (技师学院 …), which train at secondary vocational level. */
    public static Children higherEducation() {
        return schoolsOf("普通高校", s -> s.equals(Set.of(Stage.HIGHER)));
    }

    /** Basic-education schools (幼儿园 to 普通高中, and special-education): not 中职, 技工院校 or 普通高校. */
    public static Children basicEducationSchools() {
        return new Children("学校", List.of(), "基础教育学校", (facts, s) -> s.getStage() == null || s.getStage().isBlank() ? null : s.isBasicEducation());
    }

    /** Classes of 义务教育 (小学 and 初中, including the 小学部 and 初中部 of 一贯制 schools and 完全中学). */
    public static Children compulsoryClasses() {
        return new Children("班级", List.of(), "义务教育班级", (facts, c) -> Stage.compulsory(ClassSizes.stagesOf(facts, c)));
    }

    /** Classes of 普通高中 (including the 高中部 of 完全中学 and 十二年一贯制 schools). */
    public static Children seniorClasses() {
        return new Children("班级", List.of(), "普通高中班级", (facts, c) -> Stage.is(ClassSizes.stagesOf(facts, c), Stage.SENIOR));
    }

    private static Children schoolsOf(String label, java.util.function.Predicate<Set<Stage>> test) {
        return new Children("学校", List.of(), label, (facts, s) -> test.test(s.school().stages()));
    }

    // ---- class sizes, from a class list or size bands (ClassPatterns) ---------------------------------

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

    // ---- schools in parts, and who a measure is for (SchoolPatterns) ----------------------------------

    /**
     * A school's size as the standard counts it: {@code compulsoryEnrolment(value("在校学生数"), value("义务教育在校生数"))},
     * its 义务教育 enrolment, over all its parts for a 一贯制 school entered in parts.
     */
    public static Expr compulsoryEnrolment(Expr pupils, Expr compulsoryPupils) { return SchoolPatterns.compulsoryEnrolment(pupils, compulsoryPupils); }

    /** threshold for the whole school: a school entered in parts is judged once, on its first part, the others naming it. */
    public static Verdict wholeSchool(RuleContext kc, Entity e, Expr x) { return SchoolPatterns.wholeSchool(kc, e, x); }

    /** rollUp, NOT_APPLICABLE for a region whose schools are all outside the selection (only 普通高校 and 中职 …). */
    public static Verdict rollUp(RuleContext kc, Entity e, Collection<?> childVerdicts, Children applicable) {
        return SchoolPatterns.rollUp(kc, e, childVerdicts, applicable);
    }

    /** The region itself and every region below it ({@code coverage} over 省、市、县 alike). */
    public static Children regionsFromHere() {
        return new Children(REGIONS, List.of(), "地区", null);
    }

    private static final String REGIONS = "地区";

    private static boolean stageMatches(String stage, List<String> words) {
        if (stage == null) return false;
        for (String w : words) if (stage.contains(w)) return true;
        return false;
    }

    /** What a child must meet for share-of-children: {@code meets(value("平安校园"), "= 是")}, {@code oneOf(...)}. */
    public interface ChildTest {
        /** TRUE/FALSE, or null when the child lacks the value; the metrics looked at go to {@code evidence}. */
        Boolean test(Facts facts, Entity child, int year, List<Metric> evidence);

        String describe();

        /** As {@link #test}, with the run's parameters ({@link #meets} with a bound that is a parameter). */
        default Boolean test(Facts facts, Entity child, int year, List<Metric> evidence, Function<String, Param> params) {
            return test(facts, child, year, evidence);
        }

        default String describe(Function<String, Param> params) { return describe(); }
    }

    /**
     * A child's value against a bound: {@code meets(value("平安校园"), "= 是")}; the bound may be a parameter
     * ({@code ">= {PRE-8户外场地|4} 平方米"}), taken from the workbook's 参数 sheet or rules/params.csv, else its default.
     */
    public static ChildTest meets(Expr x, String bound) {
        Bound b = Bound.parse(bound);
        return new ChildTest() {
            public Boolean test(Facts facts, Entity child, int year, List<Metric> evidence) {
                return test(facts, child, year, evidence, name -> null);
            }

            public Boolean test(Facts facts, Entity child, int year, List<Metric> evidence, Function<String, Param> params) {
                Value v = x.eval(facts, child, year);
                evidence.addAll(v.evidence());
                BigDecimal limit = limit(params);
                if (!v.present() || limit == null) return null;
                return b.op().test(v.number(), limit);
            }

            private BigDecimal limit(Function<String, Param> params) {
                Param p = b.param() == null ? null : params.apply(b.param());
                return p != null && p.getValue() != null ? p.getValue() : b.number();
            }

            public String describe() { return x.describe() + " " + b.text(); }

            public String describe(Function<String, Param> params) {
                if (b.param() == null) return describe();
                return x.describe() + " " + b.op().symbol() + " " + Fmt.num(limit(params), b.unit()) + "（参数“" + b.param() + "”）";
            }
        };
    }

    /** A category metric that is one of the values given: {@code oneOf("清廉学校等级", "引领型", "规范型")}. */
    public static ChildTest oneOf(String metric, String... values) {
        Set<String> ok = new LinkedHashSet<>(List.of(values));
        return new ChildTest() {
            public Boolean test(Facts facts, Entity child, int year, List<Metric> evidence) {
                Metric m = facts.metric(child.getCode(), metric, year);
                if (m == null || m.getText() == null || m.getText().isBlank()) return null;
                evidence.add(m);
                return ok.contains(m.getText().strip());
            }

            public String describe() { return metric + "为" + String.join("或", ok); }
        };
    }

    // ---- patterns -----------------------------------------------------------------------

    /**
     * threshold: a value (or ratio) against the bound in {@code @bound}: a number, 是/否, another
     * metric, a parameter; for a school, the part of a compound bound for its 学段.
     */
    public static Verdict threshold(RuleContext kc, Entity e, Expr x) {
        Ctx c = ctx(kc, e);
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        return c.compare(x.eval(c.facts(), e, c.year), b);
    }

    /** threshold against another expression: {@code @bound(">= 财政经常性收入增长率")} with the limit computed. */
    public static Verdict threshold(RuleContext kc, Entity e, Expr x, Expr limit) {
        Ctx c = ctx(kc, e);
        Value lv = limit.eval(c.facts(), e, c.year);
        Bound b = c.meta.bound();
        Value v = x.eval(c.facts(), e, c.year);
        // two growth rates are compared at the precision they are published at, as a year-on-year comparison
        Precision.Pair at = v.present() && lv.present() ? Precision.of(v, lv) : null;
        BigDecimal ln = lv.present() ? (at == null ? lv.number() : at.b()) : null;
        String note = at == null ? "" : at.said(v.unit(), x.describe(), limit.describe());
        BuilderWithFormula out = c.compareBuilder(at == null ? v : v.at(at.a()), b, new Limit(ln,
                b.op().symbol() + " " + lv.shown() + (lv.present() && lv.derived() ? " = " + Fmt.num(ln, lv.unit()) : ""),
                lv.evidence(), lv.missing()), note);
        return out.build();
    }

    /**
     * no-decrease: this year's value against last year's with the comparison of {@code @bound}:
     * {@code >= 上年} (只增不减: a tie passes) or {@code > 上年} (增长, 逐步增长, 稳中有进: a tie is what
     * {@code @tie} says, else 不达标). Compared at the precision the figures were published at ({@link Precision}).
     */
    public static Verdict noDecrease(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(kc, e, x, Op.GE);
    }

    /** no-rebound: this year's value ≤ last year's (防止反弹), or {@code < 上年} (持续压减, 下降), as no-decrease. */
    public static Verdict noRebound(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(kc, e, x, Op.LE);
    }

    /** zero: a count that must be 0 (清零, 消除); the bound in {@code @bound} is {@code = 0}. */
    public static Verdict zero(RuleContext kc, Entity e, Expr x) {
        return threshold(kc, e, x);
    }

    /**
     * change-by, absolute: this year's value minus last year's against the bound
     * ({@code @bound(">= 150 元")}: 义务教育生均公用经费 up by at least 150 元).
     */
    public static Verdict changeBy(RuleContext kc, Entity e, Expr x) {
        Ctx c = ctx(kc, e);
        YearPair p = c.pair(x, "");
        if (p.missing() != null) return p.missing();
        Precision.Pair at = Precision.of(p.now(), p.before());
        String unit = p.now().unit(), note = at.said(unit, c.year + "年", (c.year - 1) + "年");
        BigDecimal change = at.a().subtract(at.b());
        Bound bound = c.meta.bound();
        Limit l = c.limit(bound);
        String formula = c.year + "年 " + x.describe() + " − " + (c.year - 1) + "年：" + p.now().shown() + "（" + c.year + "年）− "
                + p.before().shown() + "（" + (c.year - 1) + "年）= " + Fmt.num(change, unit) + "，要求变化 " + l.text() + note;
        Verdict.Builder b = c.verdict(Status.PASS).observed(change, signed(change, unit)).evidence(Value.concat(p.evidence(), l.evidence()))
                .formula(formula).bound(l.text()).limit(l.number());
        if (l.number() == null) return b.status(Status.INSUFFICIENT_DATA).missing(l.missing()).message("数据不足：缺少 " + String.join("、", l.missing())).build();
        String said = c.year + "年比上年" + (change.signum() >= 0 ? "增加 " : "减少 ") + Fmt.difference(change.abs(), unit);
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
    public static Verdict changeRatio(RuleContext kc, Entity e, Expr x) {
        Ctx c = ctx(kc, e);
        YearPair p = c.pair(x, "");
        if (p.missing() != null) return p.missing();
        Precision.Pair at = Precision.of(p.now(), p.before());
        String unit = p.now().unit(), note = at.said(unit, c.year + "年", (c.year - 1) + "年");
        BigDecimal now = at.a(), before = at.b();
        Op op = c.meta.bound().op();
        Limit l = c.limit(c.meta.bound());
        Verdict.Builder b = c.verdict(Status.PASS).observed(now, Fmt.num(now, unit))
                .evidence(Value.concat(p.evidence(), l.evidence())).bound(l.text());
        if (l.number() == null) return b.status(Status.INSUFFICIENT_DATA).missing(l.missing()).message("数据不足：缺少 " + String.join("、", l.missing())).build();
        BigDecimal allowed = before.multiply(l.number()).movePointLeft(2);
        b.limit(allowed).formula(c.year + "年 " + x.describe() + " " + op.symbol() + " " + Fmt.num(l.number()) + "% × "
                + (c.year - 1) + "年：" + p.now().shown() + "；" + p.before().shown() + "（" + (c.year - 1) + "年）× " + Fmt.num(l.number())
                + "% = " + Fmt.num(allowed, unit) + note);
        String change = before.signum() == 0 ? "上年为 0"
                : "比上年" + (now.compareTo(before) <= 0 ? "下降 " : "上升 ")
                + Fmt.num(now.subtract(before).abs().movePointRight(2).divide(before, MathContext.DECIMAL128)) + "%";
        String said = c.year + "年 " + Fmt.num(now, unit) + "，" + (c.year - 1) + "年 " + Fmt.num(before, unit) + "（" + change + "）";
        String of = "上年的 " + Fmt.num(l.number()) + "%（" + Fmt.num(allowed, unit) + "）";
        if (c.strictTie(now, allowed, op)) return b.status(c.tie()).message(said + "，恰好等于" + of + c.tieText("恰好等于界值") + note).build();
        if (!op.test(now, allowed)) return b.status(Status.FAIL).message(said + "，" + op.failWord() + of + note).build();
        Status s = c.narrow(now, allowed, op) ? Status.WARN : Status.PASS;
        return b.status(s).message(said + "，满足 " + op.symbol() + " " + of + c.warnText(s) + note).build();
    }

    /**
     * conditional: applies only where the condition holds; NOT_APPLICABLE saying which condition did
     * not hold otherwise, INSUFFICIENT_DATA when the condition cannot be decided.
     */
    public static Verdict conditional(RuleContext kc, Entity e, Condition when, Expr x) {
        Ctx c = ctx(kc, e);
        Value cv = when.expr().eval(c.facts(), e, c.year);
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
        Value v = x.eval(c.facts(), e, c.year);
        BuilderWithFormula out = c.compareBuilder(v, b, c.limit(b));
        return out.evidence(Value.concat(cv.evidence(), out.evidenceSoFar()))
                .formula("适用条件 " + cv.shown() + " " + cl.text() + " 成立；" + out.formulaText()).build();
    }

    /**
     * coverage (全覆盖): every child entity meets the bound in {@code @bound}; FAIL names each that
     * does not, with its cells; INSUFFICIENT_DATA when none fails but some lack the value.
     * {@code coverage(kcontext, $e, children("县"), value("乡村教师生活补助"))} with {@code @bound("= 是")}.
     */
    public static Verdict coverage(RuleContext kc, Entity e, Children kids, Expr x) {
        Ctx c = ctx(kc, e);
        List<Entity> all = kids.of(c.facts(), e, c.year);
        List<ChildFinding> failed = new ArrayList<>(), lacking = new ArrayList<>(), narrow = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        int met = 0;
        String boundText = c.meta.bound().text();
        for (Entity k : all) {
            Bound b = c.meta.bound().forLabel(k.getStage());
            Value v = x.eval(c.facts(), k, c.year);
            Limit l = b == null ? null : c.limit(b);
            String name = Expr.describeChild(c.facts(), k);
            if (l == null || !v.present() || l.number() == null) {
                List<String> miss = l == null ? List.of("学段“" + k.getStage() + "”没有对应界值") : Value.concatMissing(v.missing(), l.missing());
                lacking.add(new ChildFinding(k.getCode(), name, Status.INSUFFICIENT_DATA, "缺少 " + String.join("、", miss), Expr.origins(v.evidence())));
                continue;
            }
            boundText = l.text();
            String shown = v.derived() ? v.shown() + " = " + Fmt.num(v.number(), v.unit()) : v.shown();
            if (!b.op().test(v.number(), l.number())) {
                failed.add(new ChildFinding(k.getCode(), name, Status.FAIL, shown + "，不满足 " + l.text(), Expr.origins(v.evidence())));
                evidence.addAll(v.evidence());
            } else {
                met++;
                if (!b.isYesNo() && c.narrow(v.number(), l.number(), b.op())) {
                    narrow.add(new ChildFinding(k.getCode(), name, Status.WARN, shown + "，在预警幅度内", Expr.origins(v.evidence())));
                    evidence.addAll(v.evidence());
                }
            }
        }
        String counts = "共 " + all.size() + " 个" + kids.label() + "：满足 " + met + "，不满足 " + failed.size() + "，数据不足 " + lacking.size();
        Verdict.Builder out = c.verdict(Status.PASS).formula("每个" + kids.label() + " " + x.describe() + " " + boundText + "（" + counts + "）")
                .observed(BigDecimal.valueOf(failed.size()), met + "/" + all.size() + " 个" + kids.label() + "满足");
        if (all.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year + "年所属" + kids.label() + "的数据"))
                    .message("没有所属" + kids.label() + "的数据，无法判断是否全覆盖").build();
        }
        if (!failed.isEmpty()) {
            List<ChildFinding> named = new ArrayList<>(failed);
            named.addAll(lacking);
            return out.status(Status.FAIL).children(named).evidence(evidence)
                    .message("未全覆盖：" + failed.size() + " 个" + kids.label() + "不满足（" + names(failed) + "）；" + counts).build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).children(lacking).evidence(evidence)
                    .missing(List.of(names(lacking) + " 的“" + x.describe() + "”"))
                    .message("无不满足的" + kids.label() + "，但 " + lacking.size() + " 个数据不足：" + names(lacking)).build();
        }
        if (!narrow.isEmpty()) {
            return out.status(Status.WARN).children(narrow).evidence(evidence)
                    .message("全覆盖，但 " + narrow.size() + " 个" + kids.label() + "在预警幅度 " + Fmt.num(c.meta.warnMargin()) + " 以内：" + names(narrow)).build();
        }
        return out.message("全覆盖：" + counts).build();
    }

    /**
     * share-of-children: the share of child entities meeting a condition against the bound in
     * {@code @bound} (in %). Children lacking the value count as unknown: PASS if the share passes
     * even with all of them failing, FAIL if it fails even with all of them meeting it, else
     * INSUFFICIENT_DATA. {@code shareOfChildren(kcontext, $e, schools(), meets(value("平安校园"), "= 是"))}.
     */
    public static Verdict shareOfChildren(RuleContext kc, Entity e, Children kids, ChildTest test) {
        Ctx c = ctx(kc, e);
        List<Entity> all = kids.of(c.facts(), e, c.year);
        Bound b = c.meta.bound();
        // With an upper bound (<= 2% of classes oversized) the children that meet the condition are the
        // ones to name; with a lower bound (>= 60% of schools safe) those that do not.
        boolean upper = b.op() == Op.LE || b.op() == Op.LT;
        List<ChildFinding> named = new ArrayList<>(), lacking = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        String desc = test.describe(c::param);
        int met = 0, notMet = 0;
        for (Entity k : all) {
            List<Metric> ev = new ArrayList<>();
            Boolean r = test.test(c.facts(), k, c.year, ev, c::param);
            String name = Expr.describeChild(c.facts(), k);
            if (r == null) {
                lacking.add(new ChildFinding(k.getCode(), name, Status.INSUFFICIENT_DATA, "缺少“" + desc + "”所需数据", Expr.origins(ev)));
                continue;
            }
            if (r) met++;
            else notMet++;
            if (r == upper) {
                String shown = ev.isEmpty() ? "" : ev.get(ev.size() - 1).getKey() + " " + ev.get(ev.size() - 1).display();
                named.add(new ChildFinding(k.getCode(), name, Status.FAIL, shown + (r ? "，属于“" : "，不满足“") + desc + "”", Expr.origins(ev)));
                evidence.addAll(ev);
            }
        }
        Limit l = c.limit(b);
        String counts = "共 " + all.size() + " 个" + kids.label() + "：满足 " + met + "，不满足 " + notMet + "，数据不足 " + lacking.size();
        Verdict.Builder out = c.verdict(Status.PASS).bound(l.text()).limit(l.number()).evidence(Value.concat(evidence, l.evidence()));
        if (all.isEmpty() || l.number() == null) {
            List<String> miss = all.isEmpty() ? List.of(c.year + "年所属" + kids.label() + "的数据") : l.missing();
            return out.status(Status.INSUFFICIENT_DATA).missing(miss).formula("“" + desc + "”的" + kids.label() + "占比 " + l.text())
                    .message("数据不足：缺少 " + String.join("、", miss)).build();
        }
        int n = all.size();
        // the share if every child lacking data failed the condition, and if every one met it
        BigDecimal low = pct(met, n), high = pct(met + lacking.size(), n);
        String formula = "“" + desc + "”的" + kids.label() + " " + met + " / " + n + " = " + Fmt.num(low) + "%，要求 " + l.text()
                + "（" + counts + "）";
        out.formula(formula).observed(low, Fmt.num(low) + "%");
        List<ChildFinding> children = new ArrayList<>(named);
        children.addAll(lacking);
        out.children(children);
        String which = upper ? "“" + desc + "”的" + kids.label() : "不满足的" + kids.label();
        boolean passLow = b.op().test(low, l.number()), passHigh = b.op().test(high, l.number());
        // “左右”: a share short of the bound by no more than the tolerance is 预警, whichever way the unknown children go
        Limit tol = c.tolerance();
        if (!passLow && !passHigh && tol != null && c.within(low, l.number(), tol) && c.within(high, l.number(), tol)) {
            return out.status(Status.WARN).evidence(Value.concat(evidence, Value.concat(l.evidence(), tol.evidence())))
                    .message(Fmt.num(low) + "%，" + b.op().failWord() + "要求（" + l.text() + "）" + c.toleranceText(low, l.number(), "%", tol)
                            + "；" + which + "：" + names(named)).build();
        }
        if (passLow && passHigh) {
            Status s = lacking.isEmpty() && c.narrow(low, l.number(), b.op()) ? Status.WARN : Status.PASS;
            return out.status(s).message(Fmt.num(low) + "%，满足 " + l.text() + c.warnText(s)
                    + (named.isEmpty() ? "" : "；" + which + "：" + names(named))).build();
        }
        if (!passLow && !passHigh && (tol == null || !c.within(low, l.number(), tol) && !c.within(high, l.number(), tol))) {
            return out.status(Status.FAIL).message(Fmt.num(low) + "%，" + b.op().failWord() + "要求（" + l.text() + "）；" + which + "："
                    + names(named) + (lacking.isEmpty() ? "" : "；另有 " + lacking.size() + " 个数据不足")).build();
        }
        return out.status(Status.INSUFFICIENT_DATA).missing(List.of(names(lacking) + " 的“" + desc + "”"))
                .message("占比在 " + Fmt.num(low) + "% 至 " + Fmt.num(high) + "% 之间，能否满足 " + l.text() + " 取决于数据不足的 "
                        + lacking.size() + " 个" + kids.label() + "：" + names(lacking)).build();
    }

    /**
     * dispersion: the enrolment-weighted coefficient of variation (差异系数) of a per-pupil resource
     * across the county's schools of a 学段, against that 学段's part of {@code @bound}
     * ({@code 小学 <= 0.50；初中 <= 0.45}). X̄ = Σ resource / Σ pupils; S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²);
     * CV = S / X̄ (教督〔2017〕6号). Special-education schools and 教学点 under 50 pupils are left
     * out and counted; a 九年一贯制 or 完全中学 reported as one row cannot be split by 学段 and makes
     * the coefficient INSUFFICIENT_DATA until its parts are reported as rows of their own (学段 九年一贯制小学部 …, which may share its code).
     * The verdict's part is the 学段.
     */
    public static Verdict dispersion(RuleContext kc, Entity e, String stage, String resource) {
        Ctx c = ctx(kc, e);
        Bound b = c.meta.bound().forLabel(stage);
        Verdict.Builder out = c.verdict(Status.PASS).part(stage);
        if (b == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of("学段“" + stage + "”的界值"))
                    .message("规则界值中没有“" + stage + "”的分项").build();
        }
        Limit l = c.limit(b);
        out.bound(stage + " " + l.text()).limit(l.number());
        List<Entity> schools = c.facts().descendants(e, "学校");
        int special = 0, small = 0, total = 0;
        List<ChildFinding> lacking = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>(l.evidence());
        List<BigDecimal[]> rows = new ArrayList<>();
        List<String> unsplit = new ArrayList<>();
        Stage want = stage.equals(Stage.PRIMARY.label()) ? Stage.PRIMARY : Stage.JUNIOR;
        for (Entity s : schools) {
            if (!c.facts().hasYear(s.getCode(), c.year)) continue;
            if (isSpecialEducation(s)) { special++; continue; }
            // a part (九年一贯制小学部, 完全中学初中部 …) is a school of its stage; a whole school of several stages cannot be split here
            Set<Stage> st = s.school().stages();
            if (!st.contains(want)) continue;
            if (st.size() > 1) {
                unsplit.add(s.displayName() + "（" + s.getStage() + "）");
                continue;
            }
            Metric pupils = c.facts().metric(s.getCode(), "在校学生数", c.year);
            if (isTeachingPoint(s) && pupils != null && pupils.getValue() != null && pupils.getValue().compareTo(SMALL_TEACHING_POINT) < 0) {
                small++;
                continue;
            }
            total++;
            Metric res = c.facts().metric(s.getCode(), resource, c.year);
            List<String> miss = new ArrayList<>();
            if (pupils == null || pupils.getValue() == null) miss.add(c.year + "年“在校学生数”");
            else if (pupils.getValue().signum() == 0) miss.add(c.year + "年“在校学生数”为 0");
            if (res == null || res.getValue() == null) miss.add(c.year + "年“" + resource + "”");
            List<Metric> ev = new ArrayList<>();
            if (pupils != null) ev.add(pupils);
            if (res != null) ev.add(res);
            evidence.addAll(ev);
            if (!miss.isEmpty()) {
                lacking.add(new ChildFinding(s.getCode(), s.displayName(), Status.INSUFFICIENT_DATA, "缺少 " + String.join("、", miss), Expr.origins(ev)));
                continue;
            }
            rows.add(new BigDecimal[]{res.getValue(), pupils.getValue()});
        }
        String excluded = "排除特殊教育学校 " + special + " 所、不足50人的教学点 " + small + " 个";
        out.evidence(evidence).children(lacking);
        if (!unsplit.isEmpty()) {
            String names = Expr.abbreviate(unsplit);
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(names + " 的" + stage + "部数据"))
                    .formula(stage + "：参与计算的学校 " + total + " 所；" + excluded)
                    .message("数据不足：" + names + " 未按学部分别填报，无法计算" + stage + "差异系数（" + SPLIT_ADVICE + "）").build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(names(lacking) + " 的“" + resource + "”或“在校学生数”"))
                    .formula(stage + "：参与计算的学校 " + total + " 所；" + excluded)
                    .message("数据不足：" + lacking.size() + " 所" + stage + "缺少数据（" + names(lacking) + "）；" + excluded).build();
        }
        if (rows.isEmpty()) {
            boolean none = schools.stream().noneMatch(s -> c.facts().hasYear(s.getCode(), c.year));
            if (none) {
                return out.status(Status.INSUFFICIENT_DATA).missing(List.of(c.year + "年本县学校的数据"))
                        .message("没有本县学校的数据，无法计算" + stage + "差异系数").build();
            }
            return out.status(Status.NOT_APPLICABLE).formula(stage + "：参与计算的学校 0 所；" + excluded)
                    .message("不适用：本县没有参与" + stage + "均衡评估的学校（" + excluded + "）").build();
        }
        if (l.number() == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(l.missing()).message("数据不足：缺少 " + String.join("、", l.missing())).build();
        }
        BigDecimal cv = weightedCv(rows);
        String formula = stage + "：" + resource + "按在校学生数加权的差异系数 CV = S / X̄，X̄ = Σ" + resource + " / Σ在校学生数，"
                + "S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²)；参与计算的学校 " + rows.size() + " 所；" + excluded;
        out.formula(formula);
        if (cv == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(stage + "各校“" + resource + "”合计为 0"))
                    .message("数据不足：" + stage + "各校“" + resource + "”合计为 0，无法计算差异系数").build();
        }
        out.observed(cv, Fmt.num(cv));
        String said = stage + "差异系数 " + Fmt.num(cv) + "（" + rows.size() + " 所学校；" + excluded + "）";
        if (!b.op().test(cv, l.number())) {
            return out.status(Status.FAIL).message(said + "，" + b.op().failWord() + "要求（" + l.text() + "）").build();
        }
        Status s = c.narrow(cv, l.number(), b.op()) ? Status.WARN : Status.PASS;
        return out.status(s).message(said + "，满足 " + l.text() + c.warnText(s)).build();
    }

    /**
     * The enrolment-weighted coefficient of variation of rows {resource, pupils}: null when the
     * total resource is 0. Public for tests.
     */
    public static BigDecimal weightedCv(List<BigDecimal[]> rows) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal res = BigDecimal.ZERO, pupils = BigDecimal.ZERO;
        for (BigDecimal[] r : rows) { res = res.add(r[0]); pupils = pupils.add(r[1]); }
        if (res.signum() == 0 || pupils.signum() == 0) return null;
        BigDecimal mean = res.divide(pupils, mc);
        BigDecimal var = BigDecimal.ZERO;
        for (BigDecimal[] r : rows) {
            BigDecimal xi = r[0].divide(r[1], mc);
            BigDecimal d = xi.subtract(mean);
            var = var.add(r[1].divide(pupils, mc).multiply(d.multiply(d, mc), mc), mc);
        }
        return var.sqrt(mc).divide(mean, mc);
    }

    static boolean isSpecialEducation(Entity s) {
        String st = s.getStage() == null ? "" : s.getStage();
        String n = s.getName() == null ? "" : s.getName();
        return st.contains("特殊教育") || st.contains("特教") || n.contains("特殊教育学校") || n.contains("培智") || n.contains("聋哑")
                || n.contains("盲校") || n.contains("特教");
    }

    static boolean isTeachingPoint(Entity s) {
        String st = s.getStage() == null ? "" : s.getStage();
        String n = s.getName() == null ? "" : s.getName();
        return st.contains("教学点") || n.contains("教学点");
    }

    /**
     * A per-school balance indicator (BAL-1 … BAL-7): the school's per-pupil value against its 学段's
     * part of {@code @bound}; schools the standard leaves out are NOT_APPLICABLE saying why, and a
     * 九年一贯制 or 完全中学 reported as one row is INSUFFICIENT_DATA (its parts must be rows of their own).
     */
    public static Verdict balance(RuleContext kc, Entity e, Expr x) {
        Ctx c = ctx(kc, e);
        if (isSpecialEducation(e)) {
            return c.verdict(Status.NOT_APPLICABLE).message("不适用：特殊教育学校不参加县域义务教育优质均衡的校际指标评估").build();
        }
        Metric pupils = c.facts().metric(e.getCode(), "在校学生数", c.year);
        if (isTeachingPoint(e) && pupils != null && pupils.getValue() != null && pupils.getValue().compareTo(SMALL_TEACHING_POINT) < 0) {
            return c.verdict(Status.NOT_APPLICABLE).evidence(List.of(pupils))
                    .message("不适用：在校学生 " + pupils.display() + "，不足50人的教学点不参加评估").build();
        }
        Set<Stage> st = e.school().stages();
        if (st.size() > 1) {
            return c.verdict(Status.INSUFFICIENT_DATA).missing(List.of(e.displayName() + " 各学部的数据"))
                    .message("数据不足：学段为“" + e.getStage() + "”，界值按小学、初中分别规定（" + SPLIT_ADVICE + "）").build();
        }
        Bound b = c.meta.bound().forLabel(st.size() == 1 ? st.iterator().next().label() : e.getStage());
        if (b == null) return c.noBoundForStage();
        return c.compare(x.eval(c.facts(), e, c.year), b);
    }

    /** How to enter a school of several stages so that each stage can be assessed. */
    static final String SPLIT_ADVICE = "请按学部分行填报，学段填“九年一贯制小学部”“九年一贯制初中部”（或“完全中学初中部”等），可共用一个学校代码";

    /**
     * BAL-SCHOOL: a school meets the balance standard when at least N of its seven indicators meet
     * their bound and each of the others reaches at least p of its bound. {@code @bound} names both:
     * {@code 达标项 >= 6；其余项 >= {BAL-SCHOOL其余项最低比例|85}%}.
     */
    public static Verdict balanceSchool(RuleContext kc, Entity e, Collection<?> indicatorVerdicts) {
        Ctx c = ctx(kc, e);
        List<Verdict> vs = sameYear(indicatorVerdicts, c.year);
        vs.sort(Comparator.comparing(Verdict::getIndicator));
        Bound need = c.meta.bound().forLabel("达标项"), rest = c.meta.bound().forLabel("其余项");
        if (need == null || rest == null) throw new IllegalStateException("BAL-SCHOOL bound needs parts 达标项 and 其余项");
        Limit ln = c.limit(need), lr = c.limit(rest);
        int met = 0, na = 0;
        List<String> lacking = new ArrayList<>();
        List<Verdict> below = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>(lr.evidence());
        for (Verdict v : vs) {
            evidence.addAll(v.getEvidence());
            switch (v.getStatus()) {
                case PASS, WARN -> met++;
                case FAIL -> below.add(v);
                case NOT_APPLICABLE -> na++;
                case INSUFFICIENT_DATA -> lacking.add(v.getIndicator());
            }
        }
        Verdict.Builder out = c.verdict(Status.PASS).evidence(evidence).observed(BigDecimal.valueOf(met), met + " 项达标")
                .limit(ln.number()).bound(c.meta.bound().text());
        if (!vs.isEmpty() && na == vs.size()) return out.status(Status.NOT_APPLICABLE).message(vs.get(0).getMessage()).build();
        if (vs.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of("BAL-1 至 BAL-7 的结论")).message("没有本校七项指标的结论").build();
        }
        List<String> farBelow = new ArrayList<>();
        List<ChildFinding> named = new ArrayList<>();
        for (Verdict v : below) {
            // compared exactly, shown rounded: 84.9975% of the bound is short of 85%, never “85%”
            BigDecimal reach = v.getObserved() == null || v.getLimit() == null || v.getLimit().signum() == 0 ? null
                    : v.getObserved().movePointRight(2).divide(v.getLimit(), MathContext.DECIMAL128);
            String text = v.getIndicator() + " " + v.getObservedText() + "（界值 " + Fmt.num(v.getLimit()) + "，达到 "
                    + (reach == null ? "—" : beside(reach, lr.number())) + "%）";
            named.add(new ChildFinding(e.getCode(), e.displayName() + " " + v.getIndicator(), Status.FAIL, text, Expr.origins(v.getEvidence())));
            if (reach == null || !rest.op().test(reach, lr.number())) farBelow.add(text);
        }
        out.children(named).formula("七项指标中达标 " + met + " 项（要求 " + ln.text() + "），未达标项须达到界值的 " + lr.text().replace("≥ ", "")
                + "；未达标：" + (below.isEmpty() ? "无" : String.join("、", named.stream().map(ChildFinding::message).toList())));
        int possible = met + lacking.size();
        boolean countOk = need.op().test(BigDecimal.valueOf(met), ln.number());
        boolean countMaybe = need.op().test(BigDecimal.valueOf(possible), ln.number());
        if (!countMaybe || !farBelow.isEmpty()) {
            return out.status(Status.FAIL).message("达标 " + met + " 项" + (farBelow.isEmpty() ? "，不足 " + Fmt.num(ln.number()) + " 项"
                    : "；未达到界值 " + lr.text().replace("≥ ", "") + " 的：" + String.join("、", farBelow))).build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(String.join("、", lacking) + " 的数据"))
                    .message("达标 " + met + " 项，" + String.join("、", lacking) + " 数据不足，无法判断").build();
        }
        if (!countOk) return out.status(Status.FAIL).message("达标 " + met + " 项，不足 " + Fmt.num(ln.number()) + " 项").build();
        return out.message("七项指标达标 " + met + " 项" + (below.isEmpty() ? "" : "，其余项均达到界值的 " + lr.text().replace("≥ ", "")
                + "（" + String.join("、", named.stream().map(ChildFinding::message).toList()) + "）")).build();
    }

    /**
     * target-progress: a counted achievement against a target set in {@code @bound} as a parameter
     * ({@code >= {KG-04目标数|200}}); the verdict gives the share of the target reached.
     */
    public static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved) {
        Ctx c = ctx(kc, e);
        Value v = achieved.eval(c.facts(), e, c.year);
        Bound b = c.boundFor(e);
        if (b == null) return c.noBoundForStage();
        Limit l = c.limit(b);
        BuilderWithFormula out = c.compareBuilder(v, b, l);
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
    public static Verdict targetProgress(RuleContext kc, Entity e, Expr achieved, Expr target, String asOf) {
        Ctx c = ctx(kc, e);
        Setting asOfSetting = setting(c, asOf);
        String dateText = asOfSetting.text();
        String source = asOfSetting.source();
        List<Metric> evidence = new ArrayList<>(asOfSetting.evidence());
        LocalDate date = parseDate(dateText, c.year);
        Value a = achieved.eval(c.facts(), e, c.year), t = target.eval(c.facts(), e, c.year);
        Value share = Expr.shareOf(achieved, target).eval(c.facts(), e, c.year);
        evidence.addAll(share.evidence());
        Verdict.Builder out = c.verdict(Status.PASS).evidence(evidence);
        if (date == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of("评估日期（“" + dateText + "”无法识别）"))
                    .message("评估日期“" + dateText + "”无法识别（" + source + "），应写成 06-30 或 " + c.year + "-06-30").build();
        }
        BigDecimal elapsed = BigDecimal.valueOf(date.getDayOfYear()).movePointRight(2)
                .divide(BigDecimal.valueOf(date.lengthOfYear()), MathContext.DECIMAL128);
        String timeText = "时间进度 " + Fmt.num(elapsed.setScale(2, RoundingMode.HALF_UP)) + "%（截至 " + date + "，" + source + "）";
        out.bound(c.meta.bound().op().symbol() + " " + timeText).limit(elapsed);
        if (!share.present()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(share.missing()).formula(share.shown() + "，要求 " + timeText)
                    .message("数据不足：缺少 " + String.join("、", share.missing())).build();
        }
        out.observed(share.number(), Fmt.num(share.number()) + "%")
                .formula("任务进度 " + share.shown() + " = " + Fmt.num(share.number()) + "%，要求 " + c.meta.bound().op().symbol() + " " + timeText);
        String said = "任务进度 " + Fmt.num(a.number(), a.unit()) + " / " + Fmt.num(t.number(), t.unit()) + " = " + Fmt.num(share.number()) + "%";
        if (!c.meta.bound().op().test(share.number(), elapsed)) {
            return out.status(Status.FAIL).message(said + "，" + c.meta.bound().op().failWord() + timeText).build();
        }
        Status s = c.narrow(share.number(), elapsed, c.meta.bound().op()) ? Status.WARN : Status.PASS;
        return out.status(s).message(said + "，不低于" + timeText + c.warnText(s)).build();
    }

    private static final Pattern SETTING = Pattern.compile("\\{([^|}]+)(?:\\|([^}]*))?}");

    /** A setting a rule call writes as text ({@code "06-30"}) or as a parameter with its default ({@code "{PLAN-01评估日期|06-30}"}). */
    record Setting(String text, String source, List<Metric> evidence) {}

    /** Resolves a setting: the workbook's 参数 sheet, then rules/params.csv, then the default; the source says which. */
    static Setting setting(Ctx c, String spec) {
        Matcher m = SETTING.matcher(spec.strip());
        if (!m.matches()) return new Setting(spec.strip(), "规则设定", List.of());
        String name = m.group(1).strip();
        Param p = c.param(name);
        if (p != null) return new Setting(p.getText(), "参数“" + name + "”，取自 " + p.getOrigin(), List.of(paramMetric(p, c.year())));
        return new Setting(m.group(2) == null ? "" : m.group(2).strip(), "参数“" + name + "”未设置，取默认值", List.of());
    }

    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})\\s*[-/.年])?\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** 06-30, 6月30日, 2024-06-30, 2024/6/30 or an Excel day number; the month and day taken in the year evaluated. */
    static LocalDate parseDate(String text, int year) {
        if (text == null) return null;
        String t = text.strip();
        try {
            Matcher m = DATE.matcher(t);
            if (m.matches()) return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (t.matches("\\d{5}(\\.0+)?")) {
                LocalDate d = LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(t));
                return LocalDate.of(year, d.getMonth(), Math.min(d.getDayOfMonth(), d.withYear(year).lengthOfMonth()));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * Rolls the verdicts of child entities (schools of a county, or a county's own verdicts of other
     * indicators) up to the entity: FAIL when any fails, naming each with its cells; INSUFFICIENT_DATA
     * when none fails but some lack data; WARN when all pass but some only narrowly.
     */
    public static Verdict rollUp(RuleContext kc, Entity e, Collection<?> childVerdicts) {
        Ctx c = ctx(kc, e);
        List<Verdict> kids = sameYear(childVerdicts, c.year);
        kids.sort(Comparator.comparing(Verdict::getEntityCode).thenComparing(Verdict::getIndicator)
                .thenComparing(v -> v.getPart() == null ? "" : v.getPart()));
        int fail = 0, insufficient = 0, pass = 0, warn = 0;
        List<ChildFinding> named = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        String own = c.meta.indicator().id();
        for (Verdict k : kids) {
            switch (k.getStatus()) {
                case FAIL -> fail++;
                case INSUFFICIENT_DATA -> insufficient++;
                case PASS -> pass++;
                case WARN -> { pass++; warn++; }
                default -> { }
            }
            if (k.getStatus() == Status.FAIL || k.getStatus() == Status.INSUFFICIENT_DATA || k.getStatus() == Status.WARN) {
                String name = k.getSubject() + (k.getIndicator().equals(own) ? "" : " " + k.getIndicator());
                named.add(new ChildFinding(k.getEntityCode(), name, k.getStatus(), k.getMessage(), Expr.origins(k.getEvidence())));
                evidence.addAll(k.getEvidence());
            }
        }
        boolean oneLevel = kids.stream().map(Verdict::getLevel).distinct().count() == 1
                && kids.stream().noneMatch(k -> k.getEntityCode().equals(e.getCode()));
        String level = kids.isEmpty() ? "下级单位" : oneLevel ? kids.get(0).getLevel() : "项";
        String unit = level.equals("项") ? "项" : " 个" + level;
        String counts = "共 " + kids.size() + unit + "：不达标 " + fail + "，数据不足 " + insufficient + "，达标 " + pass
                + "，不适用 " + (kids.size() - fail - insufficient - pass);
        Verdict.Builder b = c.verdict(Status.PASS).observed(BigDecimal.valueOf(fail), fail + unit + "不达标")
                .formula(counts).children(named).evidence(evidence);
        if (kids.isEmpty()) {
            return b.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year + "年所属下级单位的数据"))
                    .message("没有所属下级单位的数据，无法汇总").build();
        }
        if (fail > 0) {
            return b.status(Status.FAIL).message(fail + unit + "不达标：" + names(named, Status.FAIL) + "（" + counts + "）").build();
        }
        if (insufficient > 0) {
            return b.status(Status.INSUFFICIENT_DATA).missing(List.of(names(named, Status.INSUFFICIENT_DATA) + " 的数据"))
                    .message("无不达标" + level + "，但 " + insufficient + unit + "数据不足：" + names(named, Status.INSUFFICIENT_DATA)).build();
        }
        if (pass == 0) return b.status(Status.NOT_APPLICABLE).message("所有" + level + "均不适用（" + counts + "）").build();
        if (warn > 0) return b.status(Status.WARN).message("均达标，但 " + warn + unit + "预警：" + names(named, Status.WARN) + "（" + counts + "）").build();
        return b.message("所有适用的" + level + "均达标（" + counts + "）").build();
    }

    private static List<Verdict> sameYear(Collection<?> verdicts, int year) {
        List<Verdict> out = new ArrayList<>();
        for (Object o : verdicts) if (o instanceof Verdict v && v.getYear() == year) out.add(v);
        return out;
    }

    private static BigDecimal pct(int a, int n) {
        return BigDecimal.valueOf(a).movePointRight(2).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    }

    /** {@code n} with as many decimals (up to ten) as it takes not to read as {@code other} when it is not equal to it. */
    static String beside(BigDecimal n, BigDecimal other) {
        String shown = Fmt.num(n);
        if (other == null || n.compareTo(other) == 0 || !shown.equals(Fmt.num(other))) return shown;
        for (int d = 5; d <= 10; d++) {
            BigDecimal r = n.setScale(d, RoundingMode.DOWN);
            if (r.compareTo(other) != 0) return r.stripTrailingZeros().toPlainString();
        }
        return n.toPlainString();
    }

    /** A number as {@link #beside} shows it, with its unit as {@link Fmt#num(BigDecimal, String)} writes one. */
    private static String withUnit(String n, String unit) {
        return unit == null || unit.isEmpty() ? n : "%".equals(unit) ? n + "%" : n + " " + unit;
    }

    private static String signed(BigDecimal n, String unit) {
        return (n.signum() > 0 ? "+" : "") + Fmt.num(n, unit);
    }

    private static String names(List<ChildFinding> named, Status s) {
        List<String> n = new ArrayList<>();
        for (ChildFinding f : named) if (f.status() == s) n.add(f.entityName());
        return Expr.abbreviate(n);
    }

    static String names(List<ChildFinding> named) {
        List<String> n = new ArrayList<>();
        for (ChildFinding f : named) n.add(f.entityName());
        return Expr.abbreviate(n);
    }

    /** A parameter as evidence: the cell (or params.csv line) its value came from. */
    private static Metric paramMetric(Param p, int year) {
        return new Metric("参数", year, p.getName(), p.getValue(), p.getValue() == null ? p.getText() : null, null, p.getOrigin());
    }

    private static Verdict yearOnYear(RuleContext kc, Entity e, Expr x, Op direction) {
        Ctx c = ctx(kc, e);
        int y = c.year;
        Bound bound = c.meta.bound();
        Op op = bound.previousYear() ? bound.op() : direction;
        ForStage stage = x instanceof ForStage f ? f : null;
        YearPair p = c.pair(x, stage == null ? "" : "（本地区没有" + stage.label() + "时，请将“" + stage.enrolment() + "”填为 0）");
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
        String unit = p.now().unit(), note = at.said(unit, c.year + "年", (c.year - 1) + "年");
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

    // ---- task (年度任务): a plan's countable target by its deadline; the work is done in TaskPattern ----

    /**
     * task: a count done in the target's period (新建智安校园 230 所) against {@code @bound}: by the
     * deadline the target as written, before it target × the share of the period gone (双过半); a
     * ceiling ({@code = 0} 新审批) on every day. {@code asOf}: the date the figures stand at,
     * {@code "{任务评估日期|12-31}"}; {@code period}: the target's period, {@code "{TASK-SAFE-01期限|12-31}"}.
     */
    public static Verdict task(RuleContext kc, Entity e, Expr done, String asOf, String period) {
        return TaskPattern.evaluate(ctx(kc, e), done, TaskPattern.Kind.COUNT, false, asOf, period);
    }

    /** task on a stock that must reach the target (无证幼儿园 = 0): before the deadline, the share of the way from last year's end. */
    public static Verdict stockTask(RuleContext kc, Entity e, Expr stock, String asOf, String period) {
        return TaskPattern.evaluate(ctx(kc, e), stock, TaskPattern.Kind.STOCK, false, asOf, period);
    }

    /** {@link #task} for a target the plan strives for (力争, 争创): a shortfall is 预警, never 不达标. */
    public static Verdict aimTask(RuleContext kc, Entity e, Expr done, String asOf, String period) {
        return TaskPattern.evaluate(ctx(kc, e), done, TaskPattern.Kind.COUNT, true, asOf, period);
    }

    /** {@link #stockTask} for a target the plan strives for (力争…总数达到160所以上): a shortfall is 预警, never 不达标. */
    public static Verdict aimStockTask(RuleContext kc, Entity e, Expr stock, String asOf, String period) {
        return TaskPattern.evaluate(ctx(kc, e), stock, TaskPattern.Kind.STOCK, true, asOf, period);
    }

    // ---- shared machinery -----------------------------------------------------------------

    static Ctx ctx(RuleContext kc, Entity e) {
        SessionContext s = (SessionContext) kc.getKieRuntime().getEnvironment().get(SessionContext.KEY);
        if (s == null) throw new IllegalStateException("session has no dudao context");
        RuleMeta meta = s.rules().get(kc.getRule().getPackageName() + "." + kc.getRule().getName());
        if (meta == null) throw new IllegalStateException("rule has no indicator metadata: " + kc.getRule().getName());
        return new Ctx(s, meta, e, s.year());
    }

    /** A bound's number resolved for one evaluation, the words for it, and where it came from. */
    record Limit(BigDecimal number, String text, List<Metric> evidence, List<String> missing) {}

    /** This year's and last year's value of an expression, or the INSUFFICIENT_DATA verdict when either is missing. */
    record YearPair(Value now, Value before, List<Metric> evidence, Verdict missing) {}

    /** One evaluation: the session's context, the rule's metadata, the entity and year. */
    record Ctx(SessionContext session, RuleMeta meta, Entity entity, int year) {
        Facts facts() { return session.facts(); }

        Verdict.Builder verdict(Status s) {
            return new BuilderWithFormula(meta, entity, year).status(s);
        }

        /** The workbook's 参数 sheet first, then rules/params.csv. */
        Param param(String name) {
            Param p = facts().param(name);
            return p != null ? p : session.ruleParams().get(name);
        }

        /**
         * The rule's bound for this entity: of a compound bound, a school's 学段 part or a region's level
         * part ({@code 省 >= 200；市 >= 50}); null when it has none.
         */
        Bound boundFor(Entity e) {
            Bound b = meta.bound();
            if (!b.isCompound()) return b;
            return b.forLabel(e.getKind().isRegion() ? e.getLevel() : e.getStage());
        }

        Verdict noBoundForStage() {
            if (entity.getKind().isRegion()) {
                return verdict(Status.INSUFFICIENT_DATA).missing(List.of(entity.getLevel() + "级的界值"))
                        .message("数据不足：界值（" + meta.bound().text() + "）中没有“" + entity.getLevel() + "”的分项").build();
            }
            String st = entity.getStage() == null || entity.getStage().isBlank() ? "（未填学段）" : entity.getStage();
            boolean unsplit = st.contains("一贯制") || st.contains("完全中学");
            return verdict(Status.INSUFFICIENT_DATA).missing(List.of("学段“" + st + "”的界值"))
                    .message(unsplit ? "数据不足：学段为“" + st + "”，界值按小学、初中分别规定；请将该校小学部、初中部作为单独的学校行填报（学段填“小学”或“初中”）"
                            : "数据不足：界值（" + meta.bound().text() + "）中没有学段“" + st + "”的分项").build();
        }

        /**
         * Resolves a bound's number: a parameter (workbook, rules/params.csv, default), another metric, or the number written;
         * a bound set in the thresholds table says so, with its sheet and cell.
         */
        Limit limit(Bound b) {
            Limit l = resolve(b);
            if (b.origin() == null) return l;
            return new Limit(l.number(), l.text() + "（取自界值表 " + b.origin() + "）", l.evidence(), l.missing());
        }

        private Limit resolve(Bound b) {
            if (b.param() != null) {
                String name = b.param();
                String unit = b.unit();
                Param p = param(name);
                if (p != null) {
                    String from = facts().param(name) != null ? "取自 " + p.getOrigin() : "取自 rules/" + RuleBase.PARAMS_FILE;
                    if (p.getValue() == null) {
                        return new Limit(null, b.op().symbol() + " 参数“" + name + "”", List.of(paramMetric(p, year)),
                                List.of("参数“" + name + "”的数值（“" + p.getText() + "”不是数值，" + from + "）"));
                    }
                    return new Limit(p.getValue(), b.op().symbol() + " " + Fmt.num(p.getValue(), unit) + "（参数“" + name + "”，" + from + "）",
                            List.of(paramMetric(p, year)), List.of());
                }
                if (b.number() == null) {
                    return new Limit(null, b.op().symbol() + " 参数“" + name + "”", List.of(), List.of("参数“" + name + "”（参数表或 rules/params.csv）"));
                }
                return new Limit(b.number(), b.op().symbol() + " " + Fmt.num(b.number(), unit) + "（参数“" + name + "”未设置，取默认值）", List.of(), List.of());
            }
            if (b.metric() != null) {
                Value bv = Expr.value(b.metric()).eval(facts(), entity, year);
                return new Limit(bv.present() ? bv.number() : null, b.op().symbol() + " " + bv.shown(), bv.evidence(), bv.missing());
            }
            return new Limit(b.number(), b.text(), List.of(), List.of());
        }

        /** This year's and last year's value; when either is missing, the INSUFFICIENT_DATA verdict, its message ending in {@code hint}. */
        YearPair pair(Expr x, String hint) {
            Value now = x.eval(facts(), entity, year);
            Value before = x.eval(facts(), entity, year - 1);
            List<Metric> evidence = Value.concat(now.evidence(), before.evidence());
            if (now.present() && before.present()) return new YearPair(now, before, evidence, null);
            List<String> missing = Value.concatMissing(now.missing(), before.missing());
            Verdict v = verdict(Status.INSUFFICIENT_DATA).observed(now.number(), now.present() ? Fmt.num(now.number(), now.unit()) : null)
                    .evidence(evidence).missing(missing).formula(year + "年 " + x.describe() + "；" + (year - 1) + "年 " + x.describe())
                    .message("数据不足：缺少 " + String.join("、", missing) + hint).build();
            return new YearPair(now, before, evidence, v);
        }

        boolean narrow(BigDecimal observed, BigDecimal bound, Op op) {
            BigDecimal m = meta.warnMargin();
            if (m == null || op == Op.EQ) return false;
            return observed.subtract(bound).abs().compareTo(m) <= 0;
        }

        String warnText(Status s) {
            return s == Status.WARN ? "，但在预警幅度 " + Fmt.num(meta.warnMargin()) + " 以内" : "";
        }

        /** A value exactly at a strict bound (高于, 低于, 增长, 下降): what {@code @tie} makes of it. */
        boolean strictTie(BigDecimal observed, BigDecimal bound, Op op) {
            return (op == Op.GT || op == Op.LT) && observed.compareTo(bound) == 0;
        }

        /** What a tie at a strict bound gives: {@code @tie}, else 不达标. */
        Status tie() {
            Status t = meta.indicator().reading().tie();
            return t == null ? Status.FAIL : t;
        }

        /** What a tie gives, in words: {@code what} is 持平 (a year on year) or 恰好等于界值. */
        String tieText(String what) {
            return switch (tie()) {
                case WARN -> "；本指标" + what + "记为预警，不记为不达标";
                case PASS -> "；本指标" + what + "记为达标";
                default -> "，不满足";
            };
        }

        /** “左右”: the tolerance of {@code @tolerance} resolved (a parameter, or the number written), or null. */
        Limit tolerance() {
            String raw = meta.indicator().reading().tolerance();
            if (raw == null) return null;
            Limit l = limit(Bound.parse("<= " + raw));
            int from = l.text().indexOf('（');
            return new Limit(l.number(), from < 0 ? "" : l.text().substring(from), l.evidence(), l.missing());
        }

        /** True when {@code observed} misses {@code bound} by no more than the tolerance. */
        boolean within(BigDecimal observed, BigDecimal bound, Limit tol) {
            return tol != null && tol.number() != null && observed.subtract(bound).abs().compareTo(tol.number()) <= 0;
        }

        String toleranceText(BigDecimal observed, BigDecimal bound, String unit, Limit tol) {
            return "，差 " + Fmt.difference(observed.subtract(bound).abs(), unit) + "，在原文“左右”的容差 " + Fmt.difference(tol.number(), unit)
                    + tol.text() + " 以内，记为预警";
        }

        Verdict compare(Value v, Bound bound) { return compareBuilder(v, bound, limit(bound)).build(); }

        BuilderWithFormula compareBuilder(Value v, Bound bound, Limit lim) { return compareBuilder(v, bound, lim, ""); }

        /** The comparison of a value with a bound; {@code note} (how the two were rounded) ends the formula and message. */
        BuilderWithFormula compareBuilder(Value v, Bound bound, Limit lim, String note) {
            BuilderWithFormula b = (BuilderWithFormula) verdict(Status.PASS);
            List<Metric> evidence = new ArrayList<>(v.evidence());
            evidence.addAll(lim.evidence());
            List<String> missing = new ArrayList<>(v.missing());
            missing.addAll(lim.missing());
            BigDecimal limit = lim.number();
            String limitText = lim.text();
            if (meta.bound().isCompound()) {
                String label = entity.getKind().isRegion() ? entity.getLevel() : entity.getStage();
                limitText = (label == null ? "" : label + " ") + limitText;
            }
            b.evidence(evidence).children(v.children()).bound(limitText).limit(limit);
            // shown with as many decimals as it takes not to look equal to a bound it is not equal to
            String observedText = !v.present() ? null : withUnit(beside(v.number(), limit), v.unit());
            b.observed(v.number(), observedText);
            if (!v.present() || limit == null) {
                b.formulaText(v.shown() + " " + limitText);
                return (BuilderWithFormula) b.status(Status.INSUFFICIENT_DATA).missing(missing)
                        .message("数据不足：缺少 " + String.join("、", missing));
            }
            String shown = v.derived() ? v.shown() + " = " + observedText : v.shown();
            b.formulaText(shown + "，要求 " + limitText + note);
            if (!bound.isYesNo() && strictTie(v.number(), limit, bound.op()) && tie() != Status.FAIL) {
                return (BuilderWithFormula) b.status(tie()).message(shown + "，恰好等于界值（要求 " + limitText + "）" + tieText("恰好等于界值") + note);
            }
            if (!bound.op().test(v.number(), limit)) {
                Limit tol = tolerance();
                if (!bound.isYesNo() && v.children().isEmpty() && within(v.number(), limit, tol)) {
                    b.evidence(Value.concat(evidence, tol.evidence()));
                    return (BuilderWithFormula) b.status(Status.WARN).message(shown + "，" + bound.op().failWord() + "要求（" + limitText + "）"
                            + toleranceText(v.number(), limit, v.unit(), tol) + note);
                }
                String gap = bound.isYesNo() ? "" : limit.compareTo(v.number()) == 0 ? "（恰好等于界值，不满足“" + bound.op().symbol() + "”）"
                        : "（差 " + Fmt.difference(limit.subtract(v.number()).abs(), v.unit()) + "）";
                if (!v.children().isEmpty()) gap = "：" + childList(v.children());
                return (BuilderWithFormula) b.status(Status.FAIL).message(shown + "，" + (bound.isYesNo() ? "不满足 " + limitText
                        : bound.op().failWord() + "要求（" + limitText + "）") + gap + note);
            }
            Status s = !bound.isYesNo() && narrow(v.number(), limit, bound.op()) ? Status.WARN : Status.PASS;
            return (BuilderWithFormula) b.status(s).message(shown + "，满足 " + limitText + warnText(s) + note);
        }

        private static String childList(List<ChildFinding> children) {
            List<String> parts = new ArrayList<>();
            for (ChildFinding f : children.subList(0, Math.min(5, children.size()))) parts.add(f.entityName() + "（" + f.message() + "）");
            return String.join("、", parts) + (children.size() > 5 ? " 等 " + children.size() + " 个" : "");
        }
    }

    /** A verdict builder that already carries the rule's metadata and remembers the formula text and evidence. */
    static final class BuilderWithFormula extends Verdict.Builder {
        private final RuleMeta meta;
        private String formula;
        private List<Metric> evidence = List.of();
        private Status status;
        private String message;

        BuilderWithFormula(RuleMeta meta, Entity e, int year) {
            super(meta.indicator().id(), e, year);
            this.meta = meta;
            name(meta.indicator().name()).source(meta.indicator().source()).bound(meta.bound() == null ? null : meta.bound().text());
        }

        @Override public Verdict.Builder status(Status v) { status = v; return super.status(v); }

        @Override public Verdict.Builder message(String v) { message = v; return super.message(v); }

        /** {@code @soft}: the source asks (鼓励, 力争), it does not require: a shortfall is 预警, saying so. */
        @Override public Verdict build() {
            String soft = meta.indicator().reading().soft();
            if (status == Status.FAIL && soft != null) {
                status(Status.WARN);
                message(message + "。原文为“" + soft + "”，是努力方向而非硬性要求：未达到记为预警，不记为不达标");
            }
            return super.build();
        }

        BuilderWithFormula formulaText(String f) { formula = f; formula(f); return this; }

        String formulaText() { return formula; }

        @Override public Verdict.Builder evidence(List<Metric> v) { evidence = v; return super.evidence(v); }

        List<Metric> evidenceSoFar() { return evidence; }
    }
}
