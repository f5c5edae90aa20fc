package org.dudao.compile;

/** Text that is not in the rule expression language: where (an offset in the text) and why, in Chinese. */
final class SyntaxError extends Exception {
    private final int at;

    SyntaxError(int at, String message) {
        super(message);
        this.at = at;
    }

    int at() { return at; }
}
