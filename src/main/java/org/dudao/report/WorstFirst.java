package org.dudao.report;

import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code limit} verdicts as a stable sort by status (worst first) would order them, picked
 * in one pass: one buffer per status, each full at {@code limit}, and none taken once the worse
 * statuses already fill the limit. At most {@code limit} verdicts per status are held, whatever the
 * number seen.
 */
final class WorstFirst {
    private final int limit;
    private final List<List<Verdict>> byStatus = new ArrayList<>();

    WorstFirst(int limit) {
        this.limit = limit;
        for (int i = 0; i < Status.values().length; i++) byStatus.add(new ArrayList<>());
    }

    void add(Verdict v) {
        int s = v.getStatus().ordinal();
        if (byStatus.get(s).size() < limit && worseThan(s) < limit) byStatus.get(s).add(v);
    }

    private int worseThan(int status) {
        int n = 0;
        for (int s = 0; s < status; s++) n += byStatus.get(s).size();
        return n;
    }

    /** The verdicts kept, worst status first, in the order they came within a status; at most {@code limit}. */
    List<Verdict> list() {
        List<Verdict> out = new ArrayList<>(limit);
        for (List<Verdict> b : byStatus) {
            out.addAll(b.subList(0, Math.min(b.size(), limit - out.size())));
            if (out.size() == limit) break;
        }
        return out;
    }
}
