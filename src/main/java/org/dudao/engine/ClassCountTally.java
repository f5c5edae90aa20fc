package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;
import org.dudao.model.Status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code countOf(classes, metric, condition)} knows of a run of classes (and size bands), so that a
 * region's is the sum of its subtrees': the count's lowest and highest possible values (no highest when a band
 * that may count lacks its count), the classes counted (named, with their evidence) and those that may count
 * (named with their doubt, for a finding and for a value's missing list), the first {@value Capped#KEPT} of each kept, in the order {@link ClassSizes#items}
 * walks them, so a later subtree's follow; and whether there was any class at all. {@link ClassSizes.Count#value}
 * and {@code phaseOut} conclude from it alone.
 */
record ClassCountTally(BigDecimal low, BigDecimal high, Capped<ChildFinding> counted, Capped<Metric> evidence, Capped<ChildFinding> maybe,
                       Capped<String> doubts, boolean any) implements Tally<ClassCountTally> {
    static final ClassCountTally NONE = new ClassCountTally(BigDecimal.ZERO, BigDecimal.ZERO, Capped.none(), Capped.none(), Capped.none(),
            Capped.none(), false);

    /** The classes against {@code condition} on their size, in the order given. */
    static ClassCountTally of(Facts facts, List<ClassSizes.Item> items, Bound condition) {
        BigDecimal low = BigDecimal.ZERO;
        List<ChildFinding> counted = new ArrayList<>(), maybe = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        List<String> doubts = new ArrayList<>();
        List<BigDecimal> maybeCounts = new ArrayList<>();
        for (ClassSizes.Item i : items) {
            Boolean meets = i.meets(condition.op(), condition.number());
            if (meets == Boolean.FALSE) continue;
            if (meets == Boolean.TRUE && i.member() == Boolean.TRUE && i.count() != null) {
                low = low.add(i.count());
                counted.add(ClassSizes.finding(facts, i, Status.FAIL, i.sizeText()));
                if (i.evidence() != null) evidence.add(i.evidence());
            } else {
                maybe.add(ClassSizes.finding(facts, i, Status.INSUFFICIENT_DATA, i.sizeText() + "，" + i.doubt()));
                doubts.add(Expr.describeChild(facts, i.entity()) + "（" + i.doubt() + "）");
                maybeCounts.add(i.count());
            }
        }
        // a band without its count may hold any number: the highest possible count has no bound then
        BigDecimal high = low;
        for (BigDecimal n : maybeCounts) high = high == null || n == null ? null : high.add(n);
        return new ClassCountTally(low, high, Capped.of(counted), Capped.of(evidence), Capped.of(maybe), Capped.of(doubts), !items.isEmpty());
    }

    /** This tally and a later subtree's: the ends added, lists one after the other (their first {@value Capped#KEPT} kept). */
    @Override public ClassCountTally plus(ClassCountTally o) {
        return new ClassCountTally(low.add(o.low), high == null || o.high == null ? null : high.add(o.high), counted.then(o.counted),
                evidence.then(o.evidence), maybe.then(o.maybe), doubts.then(o.doubts), any || o.any);
    }

    /** No class that may count: the count is known. */
    boolean exact() { return maybe.isEmpty(); }
}
