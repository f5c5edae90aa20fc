package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Patterns over child entities: coverage (全覆盖), share-of-children and the roll-up of child verdicts.
 * Called through {@link Patterns}.
 */
final class ChildPatterns {
    private ChildPatterns() {}

    /**
     * coverage (全覆盖): every child entity meets the bound in {@code @bound}; FAIL names each that
     * does not, with its cells; INSUFFICIENT_DATA when none fails but some lack the value.
     * {@code coverage(kcontext, $e, children("县"), value("乡村教师生活补助"))} with {@code @bound("= 是")}.
     */
    static Verdict coverage(RuleContext kc, Entity e, Children kids, Expr x) {
        Call c = Call.of(kc, e);
        List<Entity> all = kids.of(c.facts(), e, c.year());
        List<ChildFinding> failed = new ArrayList<>(), lacking = new ArrayList<>(), narrow = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        int met = 0;
        String what = x.name() != null ? x.name() : x.describe();
        String unit = null;
        for (Entity k : all) {
            Bound b = c.meta().bound().forLabel(k.getStage());
            Value v = x.eval(c.facts(), k, c.year());
            Limit l = b == null ? null : c.limit(b, v.unit());
            String name = Expr.describeChild(c.facts(), k);
            if (l == null || !v.present() || l.number() == null) {
                List<String> miss = l == null ? List.of("学段“" + k.getStage() + "”没有对应的标准") : Value.concatMissing(v.missing(), l.missing());
                lacking.add(new ChildFinding(k.getCode(), name, Status.INSUFFICIENT_DATA, "缺少 " + String.join("、", miss), Expr.origins(v.evidence())));
                continue;
            }
            unit = v.unit();
            String value = b.isYesNo() ? (v.number().signum() != 0 ? "是" : "否") : Fmt.beside(v.number(), l.number(), v.unit());
            if (!b.op().test(v.number(), l.number())) {
                String said = b.isYesNo() ? Messages.notYes(what, value, l.text())
                        : Messages.misses(what + " " + value, b.op(), false, l.shown(), "标准", Messages.gap(v.number(), l.number(), v.unit()));
                failed.add(new ChildFinding(k.getCode(), name, Status.FAIL, said, Expr.origins(v.evidence())));
                evidence.addAll(v.evidence());
            } else {
                met++;
                if (!b.isYesNo() && c.narrow(v.number(), l.number(), b.op())) {
                    narrow.add(new ChildFinding(k.getCode(), name, Status.WARN, what + " " + value + c.warnText(Status.WARN, v.unit()),
                            Expr.origins(v.evidence())));
                    evidence.addAll(v.evidence());
                }
            }
        }
        String standard = c.standard(unit);
        String counts = Messages.counts(all.size(), kids, met, failed.size(), lacking.size());
        Verdict.Builder out = c.verdict(Status.PASS).bound(standard)
                .formula("每" + kids.measure() + kids.label() + "的" + what + c.eachChildsStandard(unit) + "（" + counts + "）")
                .observed(BigDecimal.valueOf(failed.size()), met + "/" + all.size() + " " + kids.measure() + kids.label() + "达到要求");
        if (all.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year() + "年所属" + kids.label() + "的数据"))
                    .message("没有所属" + kids.label() + "的数据，无法判断是否全覆盖").build();
        }
        if (!failed.isEmpty()) {
            List<ChildFinding> named = new ArrayList<>(failed);
            named.addAll(lacking);
            return out.status(Status.FAIL).children(named).evidence(evidence)
                    .message(Messages.notCovered(failed.size(), kids, Messages.names(failed), counts)).build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).children(lacking).evidence(evidence)
                    .missing(List.of(Messages.names(lacking) + "的“" + what + "”"))
                    .message(Messages.coverageUnknown(lacking.size(), kids, Messages.names(lacking))).build();
        }
        if (!narrow.isEmpty()) {
            return out.status(Status.WARN).children(narrow).evidence(evidence)
                    .message("全覆盖，但 " + narrow.size() + " " + kids.measure() + kids.label() + "与标准相差不超过预警幅度 "
                            + Fmt.difference(c.meta().warnMargin(), unit) + "：" + Messages.names(narrow)).build();
        }
        return out.message(Messages.covered(all.size(), kids)).build();
    }

    /**
     * share-of-children: the share of child entities meeting a condition against the bound in
     * {@code @bound} (in %). Children lacking the value count as unknown: PASS if the share passes
     * even with all of them failing, FAIL if it fails even with all of them meeting it, else
     * INSUFFICIENT_DATA. {@code shareOfChildren(kcontext, $e, schools(), meets(value("平安校园"), "= 是"))}.
     */
    static Verdict shareOfChildren(RuleContext kc, Entity e, Children kids, ChildTest test) {
        Call c = Call.of(kc, e);
        List<Entity> all = kids.of(c.facts(), e, c.year());
        Bound b = c.meta().bound();
        // With an upper bound (<= 2% of classes oversized) the children that meet the condition are the
        // ones to name; with a lower bound (>= 60% of schools safe) those that do not.
        boolean upper = b.op() == Op.LE || b.op() == Op.LT;
        List<ChildFinding> named = new ArrayList<>(), lacking = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        String desc = test.describe(c::param);
        int met = 0, notMet = 0;
        for (Entity k : all) {
            List<Metric> ev = new ArrayList<>();
            Boolean r = test.test(c.facts(), k, c.year(), ev, c::param);
            String name = Expr.describeChild(c.facts(), k);
            if (r == null) {
                lacking.add(new ChildFinding(k.getCode(), name, Status.INSUFFICIENT_DATA, "缺少判断是否达到要求所需的数据", Expr.origins(ev)));
                continue;
            }
            if (r) met++;
            else notMet++;
            if (r == upper) {
                String inputs = Messages.inputs(ev);
                named.add(new ChildFinding(k.getCode(), name, Status.FAIL, (inputs.isEmpty() ? "" : inputs + "，") + (r ? "属于" + desc : "未达到要求"),
                        Expr.origins(ev)));
                evidence.addAll(ev);
            }
        }
        Limit l = c.limit(b, "%");
        String counts = Messages.counts(all.size(), kids, met, notMet, lacking.size());
        Verdict.Builder out = c.verdict(Status.PASS).bound(l.text()).limit(l.number()).evidence(Value.concat(evidence, l.evidence()));
        if (all.isEmpty() || l.number() == null) {
            List<String> miss = all.isEmpty() ? List.of(c.year() + "年所属" + kids.label() + "的数据") : l.missing();
            return out.status(Status.INSUFFICIENT_DATA).missing(miss).missingValues(all.isEmpty() ? List.of() : l.gaps())
                    .formula(desc + Messages.of(desc) + kids.label() + "占比；标准：" + l.text())
                    .message("数据不足：缺少 " + String.join("、", miss)).build();
        }
        int n = all.size();
        // the share if every child lacking data failed the condition, and if every one met it
        BigDecimal low = pct(met, n), high = pct(met + lacking.size(), n);
        String shown = Fmt.beside(low, l.number(), "%");
        out.formula(desc + Messages.of(desc) + kids.label() + " " + met + " / " + n + " = " + shown + "；标准：" + l.text() + "（" + counts + "）")
                .observed(low, shown);
        List<ChildFinding> children = new ArrayList<>(named);
        children.addAll(lacking);
        out.children(children);
        String subject = Messages.share(c.quantity(), shown, met, n, kids);
        String which = named.isEmpty() ? "" : "；" + (upper ? desc + Messages.of(desc) : "未达到要求的") + kids.label() + "：" + Messages.names(named, kids.measure());
        String shortOf = Messages.misses(subject, b.op(), false, l.shown(), "标准", Messages.gap(low, l.number(), "%"));
        boolean passLow = b.op().test(low, l.number()), passHigh = b.op().test(high, l.number());
        // “左右”: a share short of the bound by no more than the tolerance is 预警, whichever way the unknown children go
        Limit tol = c.tolerance();
        if (!passLow && !passHigh && tol != null && c.within(low, l.number(), tol) && c.within(high, l.number(), tol)) {
            return out.status(Status.WARN).evidence(Value.concat(evidence, Value.concat(l.evidence(), tol.evidence())))
                    .message(shortOf + Messages.tolerated(tol.number(), "%") + which).build();
        }
        if (passLow && passHigh) {
            Status s = lacking.isEmpty() && c.narrow(low, l.number(), b.op()) ? Status.WARN : Status.PASS;
            return out.status(s).message(Messages.meets(subject, l.text()) + c.warnText(s, "%") + which).build();
        }
        if (!passLow && !passHigh && (tol == null || !c.within(low, l.number(), tol) && !c.within(high, l.number(), tol))) {
            return out.status(Status.FAIL).message(shortOf + which
                    + (lacking.isEmpty() ? "" : "；另有 " + lacking.size() + " " + kids.measure() + kids.label() + "数据不足，不影响结论")).build();
        }
        return out.status(Status.INSUFFICIENT_DATA).missing(List.of(Messages.names(lacking, kids.measure()) + " 的数据"))
                .message("占比在 " + Fmt.value(low, "%") + " 至 " + Fmt.value(high, "%") + " 之间，能否达到" + l.text() + "的标准取决于数据不足的 "
                        + lacking.size() + " " + kids.measure() + kids.label() + "：" + Messages.names(lacking)).build();
    }

    /**
     * Rolls the verdicts of child entities (schools of a county, or a county's own verdicts of other
     * indicators) up to the entity: FAIL when any fails, naming each with its cells; INSUFFICIENT_DATA
     * when none fails but some lack data; WARN when all pass but some only narrowly.
     */
    static Verdict rollUp(RuleContext kc, Entity e, Collection<?> childVerdicts) {
        Call c = Call.of(kc, e);
        List<Verdict> kids = sameYear(childVerdicts, c.year());
        kids.sort(Comparator.comparing(Verdict::getEntityCode).thenComparing(Verdict::getIndicator)
                .thenComparing(v -> v.getPart() == null ? "" : v.getPart()));
        int fail = 0, insufficient = 0, pass = 0, warn = 0;
        List<ChildFinding> named = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        String own = c.meta().indicator().id();
        for (Verdict k : kids) {
            switch (k.getStatus()) {
                case FAIL -> fail++;
                case INSUFFICIENT_DATA -> insufficient++;
                case PASS -> pass++;
                case WARN -> { pass++; warn++; }
                default -> { }
            }
            if (k.getStatus() == Status.FAIL || k.getStatus() == Status.INSUFFICIENT_DATA || k.getStatus() == Status.WARN) {
                // the entity's own indicators (BAL-COUNTY over BAL-CV-1 …) by what they measure and part; children by
                // name, with the indicator's name where it is another one: a reader knows neither code
                String name = k.getEntityCode().equals(e.getCode()) ? StandardWords.quantity(k.getName()) + (k.getPart() == null ? "" : "（" + k.getPart() + "）")
                        : k.getSubject() + (k.getIndicator().equals(own) ? "" : "（" + k.getName() + "）");
                named.add(new ChildFinding(k.getEntityCode(), name, k.getStatus(), k.getMessage(), Expr.origins(k.getEvidence())));
                evidence.addAll(k.getEvidence());
            }
        }
        boolean oneLevel = kids.stream().map(Verdict::getLevel).distinct().count() == 1
                && kids.stream().noneMatch(k -> k.getEntityCode().equals(e.getCode()));
        String level = kids.isEmpty() ? "下级单位" : oneLevel ? kids.get(0).getLevel() : "项";
        String measure = level.equals("项") ? "项" : level.equals("学校") ? "所" : "个";
        String unit = " " + measure + (level.equals("项") ? "" : level);
        int notApplicable = kids.size() - fail - insufficient - pass;
        String counts = "共 " + kids.size() + unit + "：未达标 " + fail + " " + measure + "，数据不足 " + insufficient + " " + measure
                + "，达标 " + pass + " " + measure + (notApplicable == 0 ? "" : "，不适用 " + notApplicable + " " + measure);
        Verdict.Builder b = c.verdict(Status.PASS).observed(BigDecimal.valueOf(fail), fail + unit + "未达标")
                .formula(counts).children(named).evidence(evidence);
        if (kids.isEmpty()) {
            return b.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year() + "年所属下级单位的数据"))
                    .message("没有所属下级单位的数据，无法汇总").build();
        }
        if (fail > 0) {
            return b.status(Status.FAIL).message(fail + unit + "未达标：" + Messages.names(named, Status.FAIL, measure) + "（" + counts + "）").build();
        }
        if (insufficient > 0) {
            String lacking = Messages.names(named, Status.INSUFFICIENT_DATA, measure);
            return b.status(Status.INSUFFICIENT_DATA).missing(List.of(lacking + "的数据"))
                    .message("没有未达标的" + level + "，但 " + insufficient + unit + "数据不足：" + lacking).build();
        }
        if (pass == 0) return b.status(Status.NOT_APPLICABLE).message("所有" + level + "均不适用（" + counts + "）").build();
        if (warn > 0) {
            return b.status(Status.WARN).message("均达标，但 " + warn + unit + "预警：" + Messages.names(named, Status.WARN, measure) + "（" + counts + "）").build();
        }
        return b.message("所有适用的" + level + "均达标（" + counts + "）").build();
    }

    static List<Verdict> sameYear(Collection<?> verdicts, int year) {
        List<Verdict> out = new ArrayList<>();
        for (Object o : verdicts) if (o instanceof Verdict v && v.getYear() == year) out.add(v);
        return out;
    }

    private static BigDecimal pct(int a, int n) {
        return BigDecimal.valueOf(a).movePointRight(2).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    }
}
