package org.dudao.engine;

import org.dudao.model.Entity;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a region's rule asks of the schools under it in a year, so that a region's is the sum of its subtrees':
 * how many were reported in the year, and whether any of them is of a kind (of the stage, for
 * {@link ForStage#absent}; one that could have classes of the selection, for {@code phaseOut}). A yes/no over
 * the schools adds up as “any”.
 */
record SchoolTally(int schools, boolean some) implements Tally<SchoolTally> {
    static final SchoolTally NONE = new SchoolTally(0, false);

    /** The schools given that were reported in the year, and whether any of them is of the kind. */
    static SchoolTally of(List<Entity> schools, int year, Predicate<Entity> kind) {
        int n = 0;
        boolean some = false;
        for (Entity s : schools) {
            if (!s.hasYear(year)) continue;
            n++;
            if (!some) some = kind.test(s);
        }
        return new SchoolTally(n, some);
    }

    /** This tally and another subtree's: the schools added, “any” of either. */
    @Override public SchoolTally plus(SchoolTally o) { return new SchoolTally(schools + o.schools, some || o.some); }

    /** Schools were reported and none of them is of the kind. */
    boolean noneOfKind() { return schools > 0 && !some; }
}
