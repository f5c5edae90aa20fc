package org.dudao.report;

import org.dudao.model.Tally;
import org.dudao.model.Verdict;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;

/**
 * Verdicts as a report gets them from disk: a list to iterate, counting how often it is iterated and
 * how far, and refusing {@code get}, which the disk-backed list can only do slowly.
 */
final class CountingVerdicts extends AbstractList<Verdict> implements Tally.Counted {
    private final List<Verdict> verdicts;
    private final Tally tally;
    private int passes;
    private int handedOut;

    CountingVerdicts(List<Verdict> verdicts) {
        this.verdicts = List.copyOf(verdicts);
        this.tally = Tally.of(this.verdicts);
    }

    /** How many times the list was iterated (each for-each, stream or copy is one). */
    int passes() { return passes; }

    /** Verdicts handed out by the latest iteration so far. */
    int handedOut() { return handedOut; }

    @Override public Tally tally() { return tally; }

    @Override public int size() { return verdicts.size(); }

    @Override public Verdict get(int index) {
        throw new AssertionError("get(" + index + "): a report must iterate the verdicts, not index them");
    }

    @Override public Iterator<Verdict> iterator() {
        passes++;
        handedOut = 0;
        Iterator<Verdict> it = verdicts.iterator();
        return new Iterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }

            @Override public Verdict next() {
                handedOut++;
                return it.next();
            }
        };
    }
}
