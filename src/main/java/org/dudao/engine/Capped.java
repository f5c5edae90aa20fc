package org.dudao.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The first {@value #KEPT} items of a list a roll-up names (failing schools, large classes) and how many there
 * are: what a region's tally keeps, so that what the heap holds for a province read in county parts does not
 * grow with its failures (issue 17). No report shows more: report.json and report.html list 50, report.xlsx as
 * many as an Excel cell holds (32,767 characters, fewer than this at 30 characters a child).
 */
record Capped<T>(List<T> first, int total) {
    static final int KEPT = 1000;

    Capped {
        first = List.copyOf(first.size() > KEPT ? first.subList(0, KEPT) : first);
    }

    static <T> Capped<T> none() { return new Capped<>(List.of(), 0); }

    static <T> Capped<T> of(List<T> all) { return new Capped<>(all, all.size()); }

    boolean isEmpty() { return total == 0; }

    /** This list, then a later subtree's. */
    Capped<T> then(Capped<T> o) {
        if (o.isEmpty()) return this;
        if (isEmpty() || first.size() >= KEPT) return isEmpty() ? o : new Capped<>(first, total + o.total);
        return new Capped<>(Value.concatAll(first, o.first), total + o.total);
    }

    /** Two lists of children by code as one by code ({@link NamedChild#merge}): the first {@value #KEPT} of both are among each one's first. */
    static Capped<NamedChild> merged(Capped<NamedChild> a, Capped<NamedChild> b) {
        return new Capped<>(NamedChild.merge(a.first, b.first), a.total + b.total);
    }

    <R> Capped<R> map(Function<T, R> f) {
        List<R> out = new ArrayList<>(first.size());
        for (T t : first) out.add(f.apply(t));
        return new Capped<>(out, total);
    }
}
