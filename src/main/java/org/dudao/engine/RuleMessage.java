package org.dudao.engine;

/** A problem in a rule file, located as {@code file:line:col: message} (line and column from 1; 0 when unknown). */
public record RuleMessage(String file, int line, int column, String message) {
    @Override public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
