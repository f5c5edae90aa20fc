package org.dudao.api;

import org.dudao.model.Status;
import org.dudao.model.Tally;
import org.dudao.model.Verdict;

import java.util.Collection;

/** The exit codes of every command, documented in the README. */
public final class ExitCodes {
    /** Every verdict passes (or does not apply). */
    public static final int ALL_PASS = 0;
    /** No failure, but warnings, insufficient data or waived failures. */
    public static final int WARNINGS = 1;
    /** At least one indicator failed. */
    public static final int FAILED = 2;
    /** The run could not be done as asked: a rule that does not compile, a workbook that cannot be read, bad options. */
    public static final int CANNOT_RUN = 3;

    private ExitCodes() {}

    public static int of(Collection<Verdict> verdicts) {
        return of(Tally.of(verdicts));
    }

    public static int of(Tally counts) {
        if (counts.count(Status.FAIL) > 0) return FAILED;
        if (counts.count(Status.WARN) + counts.count(Status.INSUFFICIENT_DATA) + counts.count(Status.WAIVED) > 0) return WARNINGS;
        return ALL_PASS;
    }
}
