package org.dudao.engine;

import java.time.Duration;

/**
 * Bounds on one partition's session, so that a rule that loops, inserts without end or never returns
 * ends the run (exit 3, the rule named) instead of running for ever: the time a session may take, and
 * the number of facts its rules may insert. The defaults are generous: a county of the national set
 * takes well under a second and inserts a few thousand verdicts.
 */
public record SessionLimits(Duration time, long insertions) {
    public static final SessionLimits DEFAULT = new SessionLimits(Duration.ofMinutes(10), 5_000_000);

    public SessionLimits {
        if (time.isNegative() || time.isZero()) throw new IllegalArgumentException("time limit must be positive: " + time);
        if (insertions < 1) throw new IllegalArgumentException("insertion limit must be positive: " + insertions);
    }
}
