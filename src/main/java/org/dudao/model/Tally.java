package org.dudao.model;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verdicts counted by status, in all and per indicator: what summaries and exit codes need, kept
 * apart from the verdicts so that a run whose verdicts wait on disk is not read again to count them.
 */
public final class Tally {
    private static final Status[] STATUSES = Status.values();
    private final long[] all = new long[STATUSES.length];
    private final Map<String, long[]> byIndicator = new LinkedHashMap<>();

    /** The counts of some verdicts; a {@link Counted} sequence gives the tally it already has. */
    public static Tally of(Iterable<Verdict> verdicts) {
        if (verdicts instanceof Counted c) return c.tally();
        Tally t = new Tally();
        for (Verdict v : verdicts) t.add(v);
        return t;
    }

    public void add(Verdict v) {
        int s = v.getStatus().ordinal();
        all[s]++;
        byIndicator.computeIfAbsent(v.getIndicator(), k -> new long[STATUSES.length])[s]++;
    }

    public void addAll(Tally other) {
        for (int s = 0; s < STATUSES.length; s++) all[s] += other.all[s];
        other.byIndicator.forEach((id, n) -> {
            long[] mine = byIndicator.computeIfAbsent(id, k -> new long[STATUSES.length]);
            for (int s = 0; s < STATUSES.length; s++) mine[s] += n[s];
        });
    }

    /** Every status with its count (zero where none). */
    public Map<Status, Integer> counts() {
        return map(all);
    }

    /** The counts of one indicator, every status present. */
    public Map<Status, Integer> counts(String indicator) {
        return map(byIndicator.getOrDefault(indicator, new long[STATUSES.length]));
    }

    public long total() {
        long n = 0;
        for (long c : all) n += c;
        return n;
    }

    public long count(Status s) {
        return all[s.ordinal()];
    }

    private static Map<Status, Integer> map(long[] n) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : STATUSES) m.put(s, Math.toIntExact(n[s.ordinal()]));
        return m;
    }

    /** Verdicts that carry their own tally, counted as they were gathered. */
    public interface Counted {
        Tally tally();
    }
}
