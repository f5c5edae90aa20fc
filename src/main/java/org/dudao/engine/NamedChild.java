package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;

import java.util.ArrayList;
import java.util.List;

/**
 * A child a roll-up over {@link Children} names (a county that fails, a school that lacks data), with the
 * input values its finding adds to the verdict's evidence. A roll-up lists such children by code, as
 * {@link Children#of} gives them, so two subtrees' lists are joined by {@link #merge}, not one after the other:
 * a county's schools' codes need not all sort before the next county's.
 */
record NamedChild(ChildFinding finding, List<Metric> evidence) {
    NamedChild {
        evidence = List.copyOf(evidence);
    }

    String code() { return finding.entity(); }

    /** Two lists, each by code, as one list by code; of two children with the same code the first list's comes first. */
    static List<NamedChild> merge(List<NamedChild> a, List<NamedChild> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        List<NamedChild> out = new ArrayList<>(a.size() + b.size());
        int i = 0, j = 0;
        while (i < a.size() && j < b.size()) out.add(b.get(j).code().compareTo(a.get(i).code()) < 0 ? b.get(j++) : a.get(i++));
        out.addAll(a.subList(i, a.size()));
        out.addAll(b.subList(j, b.size()));
        return List.copyOf(out);
    }

    static List<ChildFinding> findings(List<NamedChild> named) {
        List<ChildFinding> out = new ArrayList<>(named.size());
        for (NamedChild n : named) out.add(n.finding());
        return out;
    }

    /** The evidence of each child in turn. */
    static List<Metric> evidence(List<NamedChild> named) {
        List<Metric> out = new ArrayList<>();
        for (NamedChild n : named) out.addAll(n.evidence());
        return out;
    }
}
