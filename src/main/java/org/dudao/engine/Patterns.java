package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The indicator patterns of INDICATORS.md as functions a rule calls in its consequence, so that one
 * indicator is one line: {@code insert(threshold(kcontext, $e, share("公办园在园幼儿数", "在园幼儿数")));}.
 * Each takes the bound and the words of the verdict from the rule's metadata and returns exactly one
 * verdict, INSUFFICIENT_DATA naming what is missing when a value is absent.
 */
public final class Patterns {
    private Patterns() {}

    // ---- expressions, re-exported so rule files import one class ----------------------------

    public static Expr value(String metric) { return Expr.value(metric); }

    public static Expr share(String numerator, String denominator) { return Expr.share(numerator, denominator); }

    public static Expr ratio(String numerator, String denominator) { return Expr.ratio(numerator, denominator); }

    public static Expr sum(String... metrics) { return Expr.sum(metrics); }

    public static Expr firstOf(Expr... choices) { return Expr.firstOf(choices); }

    public static Expr countOf(String level, String metric, String condition) { return Expr.countOf(level, metric, condition); }

    /** A condition for {@link #conditional}: {@code condition(value("常住人口"), ">= 200000")}. */
    public static Condition condition(Expr x, String bound) { return new Condition(x, Bound.parse(bound)); }

    /** The condition under which a conditional indicator applies. */
    public record Condition(Expr expr, Bound bound) {}

    // ---- patterns -----------------------------------------------------------------------

    /** threshold: a value (or ratio) against the bound in {@code @bound}: a number, 是/否, or another metric. */
    public static Verdict threshold(RuleContext kc, Entity e, Expr x) {
        Ctx c = ctx(kc, e);
        Value v = x.eval(c.facts(), e, c.year);
        return c.compare(v, c.meta.bound());
    }

    /** no-decrease: this year's value ≥ last year's (只增不减, 稳中有进). */
    public static Verdict noDecrease(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(kc, e, x, Op.GE);
    }

    /** no-rebound: this year's value ≤ last year's (防止反弹, 持续压减). */
    public static Verdict noRebound(RuleContext kc, Entity e, Expr x) {
        return yearOnYear(kc, e, x, Op.LE);
    }

    /** zero: a count that must be 0 (清零, 消除); the bound in {@code @bound} is {@code = 0}. */
    public static Verdict zero(RuleContext kc, Entity e, Expr x) {
        return threshold(kc, e, x);
    }

    /**
     * conditional: applies only where the condition holds; NOT_APPLICABLE saying which condition did
     * not hold otherwise, INSUFFICIENT_DATA when the condition cannot be decided.
     */
    public static Verdict conditional(RuleContext kc, Entity e, Condition when, Expr x) {
        Ctx c = ctx(kc, e);
        Value cv = when.expr().eval(c.facts(), e, c.year);
        String condText = when.expr().describe() + " " + when.bound().text();
        if (!cv.present()) {
            return c.verdict(Status.INSUFFICIENT_DATA).observed(null, null).evidence(cv.evidence()).missing(cv.missing())
                    .formula("适用条件：" + condText)
                    .message("无法判断是否适用（条件：" + condText + "）：缺少 " + String.join("、", cv.missing())).build();
        }
        if (!c.test(when.bound(), cv.number(), cv)) {
            return c.verdict(Status.NOT_APPLICABLE).observed(null, null).evidence(cv.evidence())
                    .formula("适用条件：" + condText)
                    .message("不适用：" + cv.shown() + "，不满足适用条件“" + condText + "”").build();
        }
        Value v = x.eval(c.facts(), e, c.year);
        BuilderWithFormula b = c.compareBuilder(v, c.meta.bound());
        return b.evidence(Value.concat(cv.evidence(), v.evidence()))
                .formula("适用条件 " + cv.shown() + " " + when.bound().text() + " 成立；" + b.formulaText()).build();
    }

    /**
     * Rolls the verdicts of child entities (schools of a county) up to the entity: FAIL when any
     * child fails, naming each with its cells; INSUFFICIENT_DATA when none fails but some lack data.
     */
    public static Verdict rollUp(RuleContext kc, Entity e, Collection<?> childVerdicts) {
        Ctx c = ctx(kc, e);
        List<Verdict> kids = new ArrayList<>();
        for (Object o : childVerdicts) if (o instanceof Verdict v && v.getYear() == c.year) kids.add(v);
        kids.sort(Comparator.comparing(Verdict::getEntityCode));
        int fail = 0, insufficient = 0, pass = 0;
        List<ChildFinding> named = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        for (Verdict k : kids) {
            switch (k.getStatus()) {
                case FAIL -> fail++;
                case INSUFFICIENT_DATA -> insufficient++;
                case PASS, WARN -> pass++;
                default -> { }
            }
            if (k.getStatus() == Status.FAIL || k.getStatus() == Status.INSUFFICIENT_DATA) {
                named.add(new ChildFinding(k.getEntityCode(), k.getEntityName(), k.getStatus(), k.getMessage(),
                        Expr.origins(k.getEvidence())));
                evidence.addAll(k.getEvidence());
            }
        }
        String level = kids.isEmpty() ? "下级单位" : kids.get(0).getLevel();
        String counts = "共 " + kids.size() + " 个" + level + "：不达标 " + fail + "，数据不足 " + insufficient + "，达标 " + pass
                + "，不适用 " + (kids.size() - fail - insufficient - pass);
        Verdict.Builder b = c.verdict(Status.PASS).observed(BigDecimal.valueOf(fail), fail + " 个" + level + "不达标")
                .formula(counts).children(named).evidence(evidence);
        if (kids.isEmpty()) {
            return b.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year + "年所属下级单位的数据"))
                    .message("没有所属下级单位的数据，无法汇总").build();
        }
        if (fail > 0) {
            return b.status(Status.FAIL).message(fail + " 个" + level + "不达标：" + names(named, Status.FAIL) + "（" + counts + "）").build();
        }
        if (insufficient > 0) {
            return b.status(Status.INSUFFICIENT_DATA).missing(List.of(names(named, Status.INSUFFICIENT_DATA) + " 的数据"))
                    .message("无不达标" + level + "，但 " + insufficient + " 个数据不足：" + names(named, Status.INSUFFICIENT_DATA)).build();
        }
        if (pass == 0) return b.status(Status.NOT_APPLICABLE).message("所有" + level + "均不适用（" + counts + "）").build();
        return b.message("所有适用的" + level + "均达标（" + counts + "）").build();
    }

    private static String names(List<ChildFinding> named, Status s) {
        List<String> n = new ArrayList<>();
        for (ChildFinding f : named) if (f.status() == s) n.add(f.entityName());
        return Expr.abbreviate(n);
    }

    private static Verdict yearOnYear(RuleContext kc, Entity e, Expr x, Op op) {
        Ctx c = ctx(kc, e);
        int y = c.year;
        Value now = x.eval(c.facts(), e, y);
        Value before = x.eval(c.facts(), e, y - 1);
        List<Metric> evidence = Value.concat(now.evidence(), before.evidence());
        String formula = y + "年 " + x.describe() + " " + op.symbol() + " " + (y - 1) + "年";
        if (!now.present() || !before.present()) {
            List<String> missing = Value.concatMissing(now.missing(), before.missing());
            return c.verdict(Status.INSUFFICIENT_DATA).observed(now.number(), now.present() ? Fmt.num(now.number(), now.unit()) : null)
                    .evidence(evidence).missing(missing).formula(formula)
                    .message("数据不足：缺少 " + String.join("、", missing)).build();
        }
        String shownNow = y + "年 " + Fmt.num(now.number(), now.unit());
        String shownBefore = (y - 1) + "年 " + Fmt.num(before.number(), before.unit());
        BigDecimal change = now.number().subtract(before.number());
        String changeText = change.signum() == 0 ? "持平" : (change.signum() > 0 ? "增加 " : "减少 ") + Fmt.difference(change.abs(), now.unit());
        Verdict.Builder b = c.verdict(Status.PASS).observed(now.number(), Fmt.num(now.number(), now.unit())).evidence(evidence)
                .formula(formula + "：" + now.shown() + "（" + y + "年）；" + before.shown() + "（" + (y - 1) + "年）");
        if (!op.test(now.number(), before.number())) {
            return b.status(Status.FAIL).message(shownNow + "，" + op.failWord() + " " + shownBefore + "（" + changeText + "）").build();
        }
        Status s = c.narrow(now.number(), before.number(), op) ? Status.WARN : Status.PASS;
        return b.status(s).message(shownNow + " " + op.symbol() + " " + shownBefore + "（" + changeText + "）"
                + (s == Status.WARN ? "，在预警幅度 " + Fmt.num(c.meta.warnMargin()) + " 以内" : "")).build();
    }

    // ---- shared machinery -----------------------------------------------------------------

    private static Ctx ctx(RuleContext kc, Entity e) {
        SessionContext s = (SessionContext) kc.getKieRuntime().getEnvironment().get(SessionContext.KEY);
        if (s == null) throw new IllegalStateException("session has no dudao context");
        RuleMeta meta = s.rules().get(kc.getRule().getPackageName() + "." + kc.getRule().getName());
        if (meta == null) throw new IllegalStateException("rule has no indicator metadata: " + kc.getRule().getName());
        return new Ctx(s, meta, e, s.year());
    }

    /** One evaluation: the session's context, the rule's metadata, the entity and year. */
    private record Ctx(SessionContext session, RuleMeta meta, Entity entity, int year) {
        Facts facts() { return session.facts(); }

        Verdict.Builder verdict(Status s) {
            return new BuilderWithFormula(meta, entity, year).status(s);
        }

        boolean test(Bound bound, BigDecimal observed, Value v) {
            return bound.op().test(observed, bound.number());
        }

        boolean narrow(BigDecimal observed, BigDecimal bound, Op op) {
            BigDecimal m = meta.warnMargin();
            if (m == null || op == Op.EQ) return false;
            return observed.subtract(bound).abs().compareTo(m) <= 0;
        }

        Verdict compare(Value v, Bound bound) { return compareBuilder(v, bound).build(); }

        BuilderWithFormula compareBuilder(Value v, Bound bound) {
            BuilderWithFormula b = (BuilderWithFormula) verdict(Status.PASS);
            List<Metric> evidence = new ArrayList<>(v.evidence());
            List<String> missing = new ArrayList<>(v.missing());
            BigDecimal limit = bound.number();
            String limitText = bound.text();
            if (bound.metric() != null) {
                Value bv = Expr.value(bound.metric()).eval(facts(), entity, year);
                evidence.addAll(bv.evidence());
                missing.addAll(bv.missing());
                limit = bv.number();
                limitText = bound.op().symbol() + " " + bv.shown();
            }
            b.evidence(evidence).children(v.children());
            String observedText = v.present() ? Fmt.num(v.number(), v.unit()) : null;
            b.observed(v.number(), observedText);
            if (!v.present() || limit == null) {
                b.formulaText(v.shown() + " " + limitText);
                return (BuilderWithFormula) b.status(Status.INSUFFICIENT_DATA).missing(missing)
                        .message("数据不足：缺少 " + String.join("、", missing));
            }
            String shown = v.derived() ? v.shown() + " = " + observedText : v.shown();
            b.formulaText(shown + "，要求 " + limitText);
            if (!bound.op().test(v.number(), limit)) {
                String gap = bound.isYesNo() ? "" : "（差 " + Fmt.difference(limit.subtract(v.number()).abs(), v.unit()) + "）";
                if (!v.children().isEmpty()) gap = "：" + childList(v.children());
                return (BuilderWithFormula) b.status(Status.FAIL).message(shown + "，" + (bound.isYesNo() ? "不满足 " + limitText
                        : bound.op().failWord() + "要求（" + limitText + "）") + gap);
            }
            Status s = !bound.isYesNo() && narrow(v.number(), limit, bound.op()) ? Status.WARN : Status.PASS;
            return (BuilderWithFormula) b.status(s).message(shown + "，满足 " + limitText
                    + (s == Status.WARN ? "，但在预警幅度 " + Fmt.num(meta.warnMargin()) + " 以内" : ""));
        }

        private static String childList(List<ChildFinding> children) {
            List<String> parts = new ArrayList<>();
            for (ChildFinding f : children.subList(0, Math.min(5, children.size()))) parts.add(f.entityName() + "（" + f.message() + "）");
            return String.join("、", parts) + (children.size() > 5 ? " 等 " + children.size() + " 个" : "");
        }
    }

    /** A verdict builder that already carries the rule's metadata and remembers the formula text. */
    static final class BuilderWithFormula extends Verdict.Builder {
        private String formula;

        BuilderWithFormula(RuleMeta meta, Entity e, int year) {
            super(meta.indicator().id(), e, year);
            name(meta.indicator().name()).source(meta.indicator().source()).bound(meta.bound() == null ? null : meta.bound().text());
        }

        BuilderWithFormula formulaText(String f) { formula = f; formula(f); return this; }

        String formulaText() { return formula; }
    }
}
