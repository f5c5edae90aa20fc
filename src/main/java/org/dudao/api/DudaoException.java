package org.dudao.api;

import java.util.List;

/**
 * What makes dudao unable to do what it was asked: rules that cannot be found or compiled (or that a
 * rule file's sandbox refuses), a malformed waiver file, workbooks with nothing to evaluate, a rule
 * past the session limits, a report that cannot be written. The message is Chinese and says what to
 * do; each {@link Problem} names where it is (a rule file's line and column, a workbook, a sheet and
 * cell). Mistakes in the data that still allow a run are not exceptions: they are the evaluation's
 * load problems.
 */
public final class DudaoException extends Exception {
    private final transient List<Problem> problems;

    /** One thing that is wrong, and where. */
    public record Problem(Location location, String message) {
        /** {@code file:line:column: message} (or {@code file 表!C5: message}), as the command line prints it. */
        @Override public String toString() {
            return location == null ? message : location + ": " + message;
        }
    }

    public DudaoException(String message) {
        this(message, List.of(), null);
    }

    public DudaoException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public DudaoException(String message, List<Problem> problems) {
        this(message, problems, null);
    }

    public DudaoException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems one by one, each with its place; empty when the message says it all. */
    public List<Problem> problems() { return problems; }

    /** Where the first problem is, or null. */
    public Location location() {
        return problems.isEmpty() ? null : problems.get(0).location();
    }
}
