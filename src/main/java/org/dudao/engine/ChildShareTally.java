package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code shareOfChildren} knows of a set of children, so that a region's is the sum of its subtrees':
 * how many children, how many met the condition and how many did not, the children the verdict names (those
 * that meet it under an upper bound, those that do not under a lower one) with their evidence, and those that
 * lack data; both lists by code. The verdict is {@link #conclude concluded} from it alone.
 */
record ChildShareTally(int children, int met, int notMet, Capped<NamedChild> named, Capped<NamedChild> lacking) implements Tally<ChildShareTally> {
    static final ChildShareTally NONE = new ChildShareTally(0, 0, 0, Capped.none(), Capped.none());

    /** The children (by code, as {@link Children#of} gives them) against the condition, with the call's parameters. */
    static ChildShareTally of(Call c, List<Entity> children, ChildTest test) {
        boolean upper = c.meta().bound().op().isUpper();
        List<NamedChild> named = new ArrayList<>(), lacking = new ArrayList<>();
        String desc = test.describe(c::param);
        int met = 0, notMet = 0;
        for (Entity k : children) {
            List<Metric> ev = new ArrayList<>();
            Boolean r = test.test(c.facts(), k, c.year(), ev, c::param);
            String name = Expr.describeChild(c.facts(), k);
            if (r == null) {
                lacking.add(new NamedChild(new ChildFinding(k.getCode(), name, Status.INSUFFICIENT_DATA, "缺少判断是否达到要求所需的数据",
                        Expr.origins(ev)), List.of()));
                continue;
            }
            if (r) met++;
            else notMet++;
            if (r == upper) {
                String inputs = Messages.inputs(ev);
                named.add(new NamedChild(new ChildFinding(k.getCode(), name, Status.FAIL,
                        (inputs.isEmpty() ? "" : inputs + "，") + (r ? "属于" + desc : "未达到要求"), Expr.origins(ev)), ev));
            }
        }
        return new ChildShareTally(children.size(), met, notMet, Capped.of(named), Capped.of(lacking));
    }

    /** This tally and another subtree's: counts added, the named children merged by code. */
    @Override public ChildShareTally plus(ChildShareTally o) {
        return new ChildShareTally(children + o.children, met + o.met, notMet + o.notMet, Capped.merged(named, o.named),
                Capped.merged(lacking, o.lacking));
    }

    /**
     * The share of children meeting the condition against the bound in {@code @bound} (in %). Children lacking the
     * value count as unknown: PASS if the share passes even with all of them failing, FAIL if it fails even with all
     * of them meeting it, else INSUFFICIENT_DATA.
     */
    Verdict conclude(Call c, Children kids, ChildTest test) {
        Bound b = c.meta().bound();
        boolean upper = c.meta().bound().op().isUpper();
        String desc = test.describe(c::param);
        Capped<ChildFinding> named = this.named.map(NamedChild::finding), lacking = this.lacking.map(NamedChild::finding);
        List<Metric> evidence = NamedChild.evidence(this.named.first());
        Limit l = c.limit(b, "%");
        String counts = Messages.counts(children, kids, met, notMet, lacking.total());
        Verdict.Builder out = c.verdict(Status.PASS).bound(l.text()).limit(l.number()).evidence(Value.concat(evidence, l.evidence()));
        if (children == 0 || l.number() == null) {
            List<String> miss = children == 0 ? List.of(c.year() + "年所属" + kids.label() + "的数据") : l.missing();
            return out.status(Status.INSUFFICIENT_DATA).missing(miss).missingValues(children == 0 ? List.of() : l.gaps())
                    .formula(desc + Messages.of(desc) + kids.label() + "占比；标准：" + l.text())
                    .message("数据不足：缺少 " + String.join("、", miss)).build();
        }
        int n = children;
        // the share if every child lacking data failed the condition, and if every one met it
        BigDecimal low = pct(met, n), high = pct(met + lacking.total(), n);
        String shown = Fmt.beside(low, l.number(), "%");
        out.formula(desc + Messages.of(desc) + kids.label() + " " + met + " / " + n + " = " + shown + "；标准：" + l.text() + "（" + counts + "）")
                .observed(low, shown);
        List<ChildFinding> listed = new ArrayList<>(named.first());
        listed.addAll(lacking.first());
        out.children(listed, named.total() + lacking.total());
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
                    + (lacking.isEmpty() ? "" : "；另有 " + lacking.total() + " " + kids.measure() + kids.label() + "数据不足，不影响结论")).build();
        }
        return out.status(Status.INSUFFICIENT_DATA).missing(List.of(Messages.names(lacking, kids.measure()) + " 的数据"))
                .message("占比在 " + Fmt.value(low, "%") + " 至 " + Fmt.value(high, "%") + " 之间，能否达到" + l.text() + "的标准取决于数据不足的 "
                        + lacking.total() + " " + kids.measure() + kids.label() + "：" + Messages.names(lacking)).build();
    }


    private static BigDecimal pct(int a, int n) {
        return BigDecimal.valueOf(a).movePointRight(2).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    }
}
