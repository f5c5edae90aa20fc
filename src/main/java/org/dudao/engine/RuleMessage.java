package org.dudao.engine;

/**
 * A problem in a rule file, located as {@code file:line:col: message} (line and column from 1; 0 when unknown),
 * or, in a workbook under the rules folder (the thresholds table), as {@code file 表名!C5: message}.
 */
public record RuleMessage(String file, int line, int column, String message, String cell) {
    public RuleMessage(String file, int line, int column, String message) {
        this(file, line, column, message, null);
    }

    /** A problem in a cell of a workbook: {@code cell} is {@code 表名!C5}. */
    public static RuleMessage atCell(String file, String cell, String message) {
        return new RuleMessage(file, 0, 0, message, cell);
    }

    @Override public String toString() {
        if (cell != null) return file + " " + cell + ": " + message;
        return file + ":" + line + ":" + column + ": " + message;
    }
}
