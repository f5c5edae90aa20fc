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
        String boundText = c.meta().bound().text();
        for (Entity k : all) {
            Bound b = c.meta().bound().forLabel(k.getStage());
            Value v = x.eval(c.facts(), k, c.year());
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
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year() + "年所属" + kids.label() + "的数据"))
                    .message("没有所属" + kids.label() + "的数据，无法判断是否全覆盖").build();
        }
        if (!failed.isEmpty()) {
            List<ChildFinding> named = new ArrayList<>(failed);
            named.addAll(lacking);
            return out.status(Status.FAIL).children(named).evidence(evidence)
                    .message("未全覆盖：" + failed.size() + " 个" + kids.label() + "不满足（" + Messages.names(failed) + "）；" + counts).build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).children(lacking).evidence(evidence)
                    .missing(List.of(Messages.names(lacking) + " 的“" + x.describe() + "”"))
                    .message("无不满足的" + kids.label() + "，但 " + lacking.size() + " 个数据不足：" + Messages.names(lacking)).build();
        }
        if (!narrow.isEmpty()) {
            return out.status(Status.WARN).children(narrow).evidence(evidence)
                    .message("全覆盖，但 " + narrow.size() + " 个" + kids.label() + "在预警幅度 " + Fmt.num(c.meta().warnMargin()) + " 以内：" + Messages.names(narrow)).build();
        }
        return out.message("全覆盖：" + counts).build();
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
            List<String> miss = all.isEmpty() ? List.of(c.year() + "年所属" + kids.label() + "的数据") : l.missing();
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
                    .message(Fmt.num(low) + "%，" + b.op().failWord() + "要求（" + l.text() + "）" + Messages.toleranceText(low, l.number(), "%", tol)
                            + "；" + which + "：" + Messages.names(named)).build();
        }
        if (passLow && passHigh) {
            Status s = lacking.isEmpty() && c.narrow(low, l.number(), b.op()) ? Status.WARN : Status.PASS;
            return out.status(s).message(Fmt.num(low) + "%，满足 " + l.text() + c.warnText(s)
                    + (named.isEmpty() ? "" : "；" + which + "：" + Messages.names(named))).build();
        }
        if (!passLow && !passHigh && (tol == null || !c.within(low, l.number(), tol) && !c.within(high, l.number(), tol))) {
            return out.status(Status.FAIL).message(Fmt.num(low) + "%，" + b.op().failWord() + "要求（" + l.text() + "）；" + which + "："
                    + Messages.names(named) + (lacking.isEmpty() ? "" : "；另有 " + lacking.size() + " 个数据不足")).build();
        }
        return out.status(Status.INSUFFICIENT_DATA).missing(List.of(Messages.names(lacking) + " 的“" + desc + "”"))
                .message("占比在 " + Fmt.num(low) + "% 至 " + Fmt.num(high) + "% 之间，能否满足 " + l.text() + " 取决于数据不足的 "
                        + lacking.size() + " 个" + kids.label() + "：" + Messages.names(lacking)).build();
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
            return b.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year() + "年所属下级单位的数据"))
                    .message("没有所属下级单位的数据，无法汇总").build();
        }
        if (fail > 0) {
            return b.status(Status.FAIL).message(fail + unit + "不达标：" + Messages.names(named, Status.FAIL) + "（" + counts + "）").build();
        }
        if (insufficient > 0) {
            return b.status(Status.INSUFFICIENT_DATA).missing(List.of(Messages.names(named, Status.INSUFFICIENT_DATA) + " 的数据"))
                    .message("无不达标" + level + "，但 " + insufficient + unit + "数据不足：" + Messages.names(named, Status.INSUFFICIENT_DATA)).build();
        }
        if (pass == 0) return b.status(Status.NOT_APPLICABLE).message("所有" + level + "均不适用（" + counts + "）").build();
        if (warn > 0) return b.status(Status.WARN).message("均达标，但 " + warn + unit + "预警：" + Messages.names(named, Status.WARN) + "（" + counts + "）").build();
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
