package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An expression evaluated for one entity and year: the number (null when something it needs is
 * missing), the formula with the numbers filled in, the metrics used, and what is missing.
 */
public record Value(BigDecimal number, String unit, String shown, List<Metric> evidence, List<String> missing,
                    List<ChildFinding> children, boolean derived) {

    public boolean present() { return number != null && missing.isEmpty(); }

    static Value of(BigDecimal n, String unit, String shown, List<Metric> evidence) {
        return new Value(n, unit, shown, evidence, List.of(), List.of(), false);
    }

    /** A value computed from others (a ratio, a sum): a report shows its result after the formula. */
    static Value derived(BigDecimal n, String unit, String shown, List<Metric> evidence) {
        return new Value(n, unit, shown, evidence, List.of(), List.of(), true);
    }

    static Value missing(String shown, List<Metric> evidence, List<String> missing) {
        return new Value(null, null, shown, evidence, missing, List.of(), false);
    }

    static List<Metric> concat(List<Metric> a, List<Metric> b) {
        List<Metric> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    static List<String> concatMissing(List<String> a, List<String> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
