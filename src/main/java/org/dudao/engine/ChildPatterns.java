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
        return c.tally(kids.level(), () -> "coverage " + kids.key() + " " + x.describe(), CoverageTally.NONE,
                () -> CoverageTally.of(c, kids.of(c.facts(), e, c.year()), x)).conclude(c, kids, x);
    }

    /**
     * share-of-children: the share of child entities meeting a condition against the bound in
     * {@code @bound} (in %). Children lacking the value count as unknown: PASS if the share passes
     * even with all of them failing, FAIL if it fails even with all of them meeting it, else
     * INSUFFICIENT_DATA. {@code shareOfChildren(kcontext, $e, schools(), meets(value("平安校园"), "= 是"))}.
     */
    static Verdict shareOfChildren(RuleContext kc, Entity e, Children kids, ChildTest test) {
        Call c = Call.of(kc, e);
        return c.tally(kids.level(), () -> "shareOfChildren " + kids.key() + " " + test.describe(), ChildShareTally.NONE,
                () -> ChildShareTally.of(c, kids.of(c.facts(), e, c.year()), test)).conclude(c, kids, test);
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
}
