package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;
import org.dudao.model.MissingValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An expression evaluated for one entity and year: the number (null when something it needs is
 * missing), the formula with the numbers filled in, the metrics used, and what is missing.
 * {@code quotient} marks a number that is the result of a division (a ratio, a share, a growth
 * rate): it has more decimals than any published figure, so a year-on-year comparison rounds it to
 * the precision it is compared at ({@link Precision}); numbers read from cells, and their sums, are exact.
 * {@code gaps} says each value in {@code missing} as a record (the unit, sheet, metric and year it belongs to).
 * {@code childCount} is how many children there are, of which {@code children} are the first ({@link Capped}).
 */
public record Value(BigDecimal number, String unit, String shown, List<Metric> evidence, List<String> missing,
                    List<ChildFinding> children, boolean derived, boolean quotient, List<MissingValue> gaps, int childCount) {

    /** With {@code children} all the children there are. */
    public Value(BigDecimal number, String unit, String shown, List<Metric> evidence, List<String> missing,
                 List<ChildFinding> children, boolean derived, boolean quotient, List<MissingValue> gaps) {
        this(number, unit, shown, evidence, missing, children, derived, quotient, gaps, children.size());
    }

    public Value(BigDecimal number, String unit, String shown, List<Metric> evidence, List<String> missing,
                 List<ChildFinding> children, boolean derived, boolean quotient) {
        this(number, unit, shown, evidence, missing, children, derived, quotient, List.of());
    }

    public Value(BigDecimal number, String unit, String shown, List<Metric> evidence, List<String> missing,
                 List<ChildFinding> children, boolean derived) {
        this(number, unit, shown, evidence, missing, children, derived, false);
    }

    public boolean present() { return number != null && missing.isEmpty(); }

    /** This value with its number replaced (rounded to the precision it is compared at). */
    Value at(BigDecimal n) {
        return new Value(n, unit, shown, evidence, missing, children, derived, quotient, gaps, childCount);
    }

    /** This value in another unit (a factor applied, or a quotient said in its numerator's unit). */
    Value in(BigDecimal n, String newUnit) {
        return new Value(n, newUnit, shown, evidence, missing, children, derived, quotient, gaps, childCount);
    }

    /** A quotient: {@link #derived} and not exact. */
    static Value quotient(BigDecimal n, String unit, String shown, List<Metric> evidence) {
        return new Value(n, unit, shown, evidence, List.of(), List.of(), true, true);
    }

    /** A count and the first {@value Capped#KEPT} of the children it counts ({@code children}: all of them counted). */
    static Value counted(BigDecimal n, String unit, String shown, List<Metric> evidence, Capped<ChildFinding> children) {
        return new Value(n, unit, shown, evidence, List.of(), children.first(), false, false, List.of(), children.total());
    }

    /** The children named, and how many there are. */
    Capped<ChildFinding> named() { return new Capped<>(children, childCount); }

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

    static Value missing(String shown, List<Metric> evidence, List<String> missing, List<MissingValue> gaps) {
        return new Value(null, null, shown, evidence, missing, List.of(), false, false, gaps);
    }

    static List<Metric> concat(List<Metric> a, List<Metric> b) {
        List<Metric> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** {@code a} then {@code b}: one of them as it is when the other is empty (neither is changed afterwards). */
    static <T> List<T> concatAll(List<T> a, List<T> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
