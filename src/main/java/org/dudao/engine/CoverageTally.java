package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code coverage} (全覆盖) knows of a set of children, so that a region's is the sum of its
 * subtrees': how many children and how many met the bound, those that failed, lacked data or met it only
 * narrowly (each list by code, with its evidence), and the unit of the last child, by code, that had a value
 * (the unit the verdict's standard is said in). The verdict is {@link #conclude concluded} from it alone.
 */
record CoverageTally(int children, int met, Capped<NamedChild> failed, Capped<NamedChild> lacking, Capped<NamedChild> narrow,
                     String unitFrom, String unit) implements Tally<CoverageTally> {
    static final CoverageTally NONE = new CoverageTally(0, 0, Capped.none(), Capped.none(), Capped.none(), null, null);

    /** The children (by code, as {@link Children#of} gives them) held to the call's bound, each to the part for its 学段. */
    static CoverageTally of(Call c, List<Entity> children, Expr x) {
        List<NamedChild> failed = new ArrayList<>(), lacking = new ArrayList<>(), narrow = new ArrayList<>();
        int met = 0;
        String what = what(x), unitFrom = null, unit = null;
        for (Entity k : children) {
            Bound b = c.meta().bound().forLabel(k.getStage());
            Value v = x.eval(c.facts(), k, c.year());
            Limit l = b == null ? null : c.limit(b, v.unit());
            String name = Expr.describeChild(c.facts(), k);
            if (l == null || !v.present() || l.number() == null) {
                List<String> miss = l == null ? List.of("学段“" + k.getStage() + "”没有对应的标准") : Value.concatAll(v.missing(), l.missing());
                lacking.add(new NamedChild(new ChildFinding(k.getCode(), name, Status.INSUFFICIENT_DATA, "缺少 " + String.join("、", miss),
                        Expr.origins(v.evidence())), List.of()));
                continue;
            }
            unitFrom = k.getCode();
            unit = v.unit();
            String value = b.isYesNo() ? (v.number().signum() != 0 ? "是" : "否") : Fmt.beside(v.number(), l.number(), v.unit());
            if (!b.op().test(v.number(), l.number())) {
                String said = b.isYesNo() ? Messages.notYes(what, value, l.text(), false)
                        : Messages.misses(what + " " + value, b.op(), false, l.shown(), "标准", Messages.gap(v.number(), l.number(), v.unit()));
                failed.add(new NamedChild(new ChildFinding(k.getCode(), name, Status.FAIL, said, Expr.origins(v.evidence())), v.evidence()));
            } else {
                met++;
                if (!b.isYesNo() && c.narrow(v.number(), l.number(), b.op())) {
                    narrow.add(new NamedChild(new ChildFinding(k.getCode(), name, Status.WARN, what + " " + value + c.warnText(Status.WARN, v.unit()),
                            Expr.origins(v.evidence())), v.evidence()));
                }
            }
        }
        return new CoverageTally(children.size(), met, Capped.of(failed), Capped.of(lacking), Capped.of(narrow), unitFrom, unit);
    }

    /** This tally and another subtree's: counts added, the named children merged by code. */
    @Override public CoverageTally plus(CoverageTally o) {
        boolean theirs = o.unitFrom != null && (unitFrom == null || o.unitFrom.compareTo(unitFrom) > 0);
        return new CoverageTally(children + o.children, met + o.met, Capped.merged(failed, o.failed), Capped.merged(lacking, o.lacking),
                Capped.merged(narrow, o.narrow), theirs ? o.unitFrom : unitFrom, theirs ? o.unit : unit);
    }

    /**
     * The verdict: FAIL naming each child that fails, with its cells; INSUFFICIENT_DATA when none fails but some
     * lack the value; WARN when some meet the bound only narrowly.
     */
    Verdict conclude(Call c, Children kids, Expr x) {
        String what = what(x);
        Capped<ChildFinding> failed = this.failed.map(NamedChild::finding), lacking = this.lacking.map(NamedChild::finding),
                narrow = this.narrow.map(NamedChild::finding);
        // each failing or narrow child's values (of those kept), by code as the children were read
        List<Metric> evidence = NamedChild.evidence(NamedChild.merge(this.failed.first(), this.narrow.first()));
        String standard = c.standard(unit);
        String counts = Messages.counts(children, kids, met, failed.total(), lacking.total());
        Verdict.Builder out = c.verdict(Status.PASS).bound(standard)
                .formula("每" + kids.measure() + kids.label() + "的" + what + c.eachChildsStandard(unit) + "（" + counts + "）")
                .observed(BigDecimal.valueOf(failed.total()), met + "/" + children + " " + kids.measure() + kids.label() + "达到要求");
        if (children == 0) {
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year() + "年所属" + kids.label() + "的数据"))
                    .message("没有所属" + kids.label() + "的数据，无法判断是否全覆盖").build();
        }
        if (!failed.isEmpty()) {
            List<ChildFinding> named = new ArrayList<>(failed.first());
            named.addAll(lacking.first());
            return out.status(Status.FAIL).children(named, failed.total() + lacking.total()).evidence(evidence)
                    .message(Messages.notCovered(failed.total(), kids, Messages.names(failed), counts)).build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).children(lacking.first(), lacking.total()).evidence(evidence)
                    .missing(List.of(Messages.names(lacking) + "的“" + what + "”"))
                    .message(Messages.coverageUnknown(lacking.total(), kids, Messages.names(lacking))).build();
        }
        if (!narrow.isEmpty()) {
            return out.status(Status.WARN).children(narrow.first(), narrow.total()).evidence(evidence)
                    .message("全覆盖，但 " + narrow.total() + " " + kids.measure() + kids.label() + "与标准相差不超过预警幅度 "
                            + Fmt.difference(c.meta().warnMargin(), unit) + "：" + Messages.names(narrow)).build();
        }
        return out.message(Messages.covered(children, kids)).build();
    }

    private static String what(Expr x) { return x.name() != null ? x.name() : x.describe(); }
}
